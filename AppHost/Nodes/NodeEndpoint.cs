namespace ClusterSessions.AppHost.Nodes;

/// <summary>One node of a pool: its resource name (also its <c>Node:Id</c>) and the loopback port it listens on.</summary>
internal sealed record NodeEndpoint(string Name, int Port, bool Spare)
{
    public string Url => $"http://127.0.0.1:{Port}";
}
