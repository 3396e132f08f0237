using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Hosting.Compare.Scenarios;

internal sealed class StoreOutageScenario : IScenario
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    public string Name => "storeOutage";

    public string Description => "Redis is stopped at the midpoint for 2 s, then started again";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var redis = context.Cluster.Resources.FirstOrDefault(r => r.Kind == ResourceKind.Redis && r.Process is not null);
        var results = await context.RunMixedTrafficAsync(
            redis is null ? null : async ct =>
            {
                await context.Cluster.ExecuteAsync(redis.Name, ResourceAction.Stop, ct).ConfigureAwait(false);
                await Task.Delay(Outage, context.TimeProvider, ct).ConfigureAwait(false);
                await context.Cluster.ExecuteAsync(redis.Name, ResourceAction.Start, ct).ConfigureAwait(false);
            },
            null,
            cancellationToken).ConfigureAwait(false);
        await context.RestoreAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }
}
