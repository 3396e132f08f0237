using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Hosting.Dashboard;

/// <summary>A node pool as the dashboard shows it: its strategy, whether the gateway pins users to a node, its nodes.</summary>
internal sealed record PoolSummary(string Strategy, bool Affinity, IReadOnlyList<string> Nodes)
{
    public static PoolSummary From(NodePool pool) => new(pool.Strategy, pool.Affinity, pool.Nodes.Select(n => n.Name).ToList());
}
