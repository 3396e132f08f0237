using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Compare.Scenarios;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Compare;

/// <summary>compare's cost phase on a cluster without Redis: CPU figures, and no Redis figures rather than zeros.</summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class StorelessCostTests(LocalAndStickyCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Cost_LocalAndSticky_CpuPerRequestAndNoRedisToMeasure()
    {
        var report = await CompareRunner.RunAsync(cluster.Control, StoreBackedCostTests.ShortCost);
        output.WriteLine(CompareMarkdown.Write(report));

        var cost = report.Scenarios[CostScenario.ScenarioName];
        Assert.Equal(["local", "sticky"], cost.Keys);
        Assert.All(cost, pair => CostAssert.EveryPartRead(pair.Key, pair.Value, withStore: false));
        // Without a re-login after a 401, local's users stay logged out once they land on another node: that is its
        // continuity, measured the same way here.
        Assert.True(cost["local"].Continuity < 0.9, $"local continuity {cost["local"].Continuity}");
        Assert.Equal(1.0, cost["sticky"].Continuity);
    }
}
