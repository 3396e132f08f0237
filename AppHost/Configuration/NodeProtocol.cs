namespace ClusterSessions.AppHost.Configuration;

/// <summary>
/// How the gateway speaks to the nodes (<c>Gateway__NodeProtocol</c>): <c>Http2</c> to each node's h2c port, one
/// connection per node for every request in flight, or <c>Http1</c> to its HTTP/1.1 port, a connection per request in
/// flight.
/// </summary>
internal enum NodeProtocol
{
    Http1,
    Http2,
}
