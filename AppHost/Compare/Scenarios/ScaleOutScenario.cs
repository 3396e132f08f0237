namespace ClusterSessions.AppHost.Compare.Scenarios;

/// <summary>
/// A node joins every pool half-way. The nodes are started (and healthy) before the traffic begins and join the
/// load balancer half-way, as a readiness-gated scale-out does; they are removed after the scenario.
/// </summary>
internal sealed class ScaleOutScenario : IScenario
{
    public string Name => "scaleOut";

    public string Description => "a node joins every pool half-way (and is removed after the scenario)";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var nodes = await Task.WhenAll(context.Strategies.Select(s => context.Cluster.StartNodeAsync(s, cancellationToken))).ConfigureAwait(false);
        try
        {
            return await context.RunMixedTrafficAsync(
                ct => Task.WhenAll(nodes.Select(n => context.Cluster.JoinPoolAsync(n, ct))),
                null,
                TimeSpan.Zero,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await context.Cluster.RemoveNodeAsync(node.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
