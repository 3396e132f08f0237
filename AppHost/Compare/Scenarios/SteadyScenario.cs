namespace ClusterSessions.AppHost.Compare.Scenarios;

internal sealed class SteadyScenario : IScenario
{
    public string Name => "steady";

    public string Description => "round-robin traffic, no faults";

    public Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        context.RunMixedTrafficAsync(null, null, TimeSpan.Zero, cancellationToken);
}
