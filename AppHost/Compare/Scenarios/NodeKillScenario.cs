using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare.Scenarios;

internal sealed class NodeKillScenario : IScenario
{
    public string Name => "nodeKill";

    public string Description => "one node of every pool is SIGKILLed half-way and started again at 80 % of the schedule";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var victims = Victims(context);
        var results = await context.RunMixedTrafficAsync(
            ct => Task.WhenAll(victims.Select(v => context.Cluster.ExecuteAsync(v, ResourceAction.Kill, ct))),
            ct => Task.WhenAll(victims.Select(v => context.Cluster.ExecuteAsync(v, ResourceAction.Start, ct))),
            context.Options.Interval * context.Options.Requests * 0.3,
            cancellationToken).ConfigureAwait(false);
        await context.RestoreAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>The node each pool taking part loses: its second member (a pool of one loses its only node). Both kill scenarios pick the same.</summary>
    public static List<string> Victims(ScenarioContext context) =>
        context.Cluster.Pools.Where(p => context.Strategies.Contains(p.Strategy))
            .Select(p => p.Members[Math.Min(1, p.Members.Count - 1)].Name).ToList();
}
