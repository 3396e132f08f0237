namespace ClusterSessions.AppHost.Cluster;

/// <summary>The gateway's public port and the port of its admin API (pool changes, traffic feed).</summary>
internal sealed record GatewayEndpoints(string Name, int Port, int AdminPort)
{
    public Uri Url => new($"http://127.0.0.1:{Port}");
}
