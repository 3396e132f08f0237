using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Configuration;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// Everything the lab draws, in one object: <c>GET /api/state</c> and the <c>state</c> event of <c>/api/events</c>.
/// <see cref="ServerTime"/> lets the page compute uptimes with the server's clock, not its own.
/// </summary>
internal sealed record ClusterSnapshot(
    DateTimeOffset ServerTime,
    string? GatewayUrl,
    string? DashboardUrl,
    string LoadBalancing,
    IReadOnlyList<string> Policies,
    IReadOnlyList<ResourceView> Resources,
    IReadOnlyList<PoolSummary> Pools,
    IReadOnlyList<string> CompareScenarios,
    CompareDefaults CompareDefaults)
{
    public static ClusterSnapshot From(ClusterControl cluster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new ClusterSnapshot(
            now,
            cluster.GatewayUrl?.ToString().TrimEnd('/'),
            cluster.Model.DashboardLoginUrl?.ToString(),
            cluster.LoadBalancing,
            ClusterOptionsValidator.LoadBalancingPolicies,
            cluster.Resources,
            cluster.Pools.Select(PoolSummary.From).ToList(),
            CompareRunner.ScenarioNames,
            CompareDefaults.Instance);
    }
}
