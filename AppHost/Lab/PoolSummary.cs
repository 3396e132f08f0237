using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// A node pool as the lab shows it: its strategy, whether the gateway pins users to a node, the nodes it routes to
/// and the spares a scale-out can start.
/// </summary>
internal sealed record PoolSummary(string Strategy, bool Affinity, IReadOnlyList<string> Nodes, IReadOnlyList<string> Spares)
{
    public static PoolSummary From(NodePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var members = pool.Members.Select(n => n.Name).ToList();
        return new(pool.Strategy, pool.Affinity, members, [.. pool.Nodes.Select(n => n.Name).Except(members)]);
    }
}
