using ClusterSessions.Hosting.Compare;
using ClusterSessions.Hosting.Configuration;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Hosting.Dashboard;

/// <summary>
/// Everything the Resources view draws, in one object: <c>GET /api/state</c> and the <c>state</c> event of
/// <c>/api/events</c>. <see cref="ServerTime"/> lets the page compute uptimes with the server's clock, not its own.
/// </summary>
internal sealed record ClusterSnapshot(
    DateTimeOffset ServerTime,
    string? GatewayUrl,
    string LoadBalancing,
    IReadOnlyList<string> Policies,
    IReadOnlyList<ResourceView> Resources,
    IReadOnlyList<PoolSummary> Pools,
    IReadOnlyList<string> CompareScenarios)
{
    public static ClusterSnapshot From(ClusterApplication cluster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new ClusterSnapshot(
            now,
            cluster.GatewayUrl?.ToString().TrimEnd('/'),
            cluster.LoadBalancing,
            ClusterOptionsValidator.LoadBalancingPolicies,
            cluster.Resources.Select(ResourceView.From).ToList(),
            cluster.Pools.Select(PoolSummary.From).ToList(),
            CompareRunner.ScenarioNames);
    }
}
