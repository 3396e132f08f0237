namespace ClusterSessions.Hosting.Compare.Scenarios;

internal sealed class ScaleOutScenario : IScenario
{
    public string Name => "scaleOut";

    public string Description => "a node is added to every pool at the midpoint (and removed after the scenario)";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        var results = await context.RunMixedTrafficAsync(
            async ct =>
            {
                var nodes = await Task.WhenAll(context.Strategies.Select(s => context.Cluster.AddNodeAsync(s, ct))).ConfigureAwait(false);
                lock (added)
                {
                    added.AddRange(nodes.Select(n => n.Name));
                }
            },
            null,
            cancellationToken).ConfigureAwait(false);
        foreach (var node in added)
        {
            await context.Cluster.RemoveNodeAsync(node, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }
}
