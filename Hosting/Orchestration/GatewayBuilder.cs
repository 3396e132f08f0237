namespace ClusterSessions.Hosting.Orchestration;

public sealed class GatewayBuilder
{
    internal GatewayBuilder(ResourceBuilder resource, int adminPort)
    {
        Resource = resource;
        AdminPort = adminPort;
    }

    public ResourceBuilder Resource { get; }

    internal List<NodePool> Pools { get; } = [];

    internal int AdminPort { get; }

    /// <summary>Routes <c>/{strategy}/**</c> to each pool; the gateway starts once their nodes are healthy.</summary>
    public GatewayBuilder WithPools(IEnumerable<NodePoolBuilder> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        foreach (var pool in pools)
        {
            Pools.Add(pool.Pool);
            foreach (var node in pool.Pool.Nodes)
            {
                Resource.Resource.AddDependency(node);
            }
        }

        return this;
    }
}
