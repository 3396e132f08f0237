using ClusterSessions.AppHost.Configuration;

namespace ClusterSessions.AppHost.Nodes;

/// <summary>
/// One node of a pool: its resource name (also its <c>Node:Id</c>) and its two loopback ports. <see cref="Url"/> speaks
/// HTTP/1.1 (browsers, tests, Aspire's health check); <see cref="H2cUrl"/> speaks HTTP/2 only, for the gateway with
/// <c>Cluster:NodeProtocol=Http2</c>: cleartext HTTP/2 has no negotiation, so one port cannot offer both.
/// </summary>
internal sealed record NodeEndpoint(string Name, int Port, int H2cPort, bool Spare)
{
    public string Url => $"http://127.0.0.1:{Port}";

    public string H2cUrl => $"http://127.0.0.1:{H2cPort}";

    /// <summary>The node as a gateway destination (with a trailing slash) for <paramref name="protocol"/>.</summary>
    public string GatewayAddress(NodeProtocol protocol) => (protocol == NodeProtocol.Http2 ? H2cUrl : Url) + "/";
}
