using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare.Scenarios;

internal sealed class StoreOutageScenario : IScenario
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    public string Name => "storeOutage";

    public string Description => "Redis is stopped half-way for 2 s, then started again (three times the usual requests, so traffic goes on after Redis returns)";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var results = await RunOutageAsync(context, cancellationToken).ConfigureAwait(false);
        await context.RestoreAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>The outage itself: a stop half-way, a start 2 s later while traffic goes on.</summary>
    public static Task<Dictionary<string, StrategyResult>> RunOutageAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        // Only a store the AppHost runs can be stopped: not an External one.
        var redis = context.Cluster.Resources.FirstOrDefault(r => r.Kind == "redis" && context.Cluster.Options.Redis.Mode != Configuration.RedisMode.External);
        // A stop, the outage and a start take about 3.5 s: a longer schedule leaves traffic to measure the recovery.
        return context.Lengthened(3).RunMixedTrafficAsync(
            redis is null ? null : ct => context.Cluster.ExecuteAsync(redis.Name, ResourceAction.Stop, ct),
            redis is null ? null : ct => context.Cluster.ExecuteAsync(redis.Name, ResourceAction.Start, ct),
            Outage,
            cancellationToken);
    }
}
