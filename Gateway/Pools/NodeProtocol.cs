namespace ClusterSessions.Gateway.Pools;

/// <summary>How the gateway speaks to the nodes: <c>Gateway:NodeProtocol</c>.</summary>
internal enum NodeProtocol
{
    /// <summary>HTTP/1.1, a connection per request in flight: what any node endpoint understands.</summary>
    Http1,

    /// <summary>
    /// HTTP/2 without TLS (h2c, prior knowledge): every request to a node shares one connection, so the gateway and the
    /// node read and write many requests per system call. The destinations must be endpoints that speak HTTP/2 only
    /// (Kestrel's <c>Protocols: Http2</c>); cleartext HTTP/1.1 endpoints cannot negotiate it.
    /// </summary>
    Http2,
}
