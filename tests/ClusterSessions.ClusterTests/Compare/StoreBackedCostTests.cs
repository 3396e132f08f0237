using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Compare.Scenarios;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Compare;

/// <summary>compare's cost phase on the pools that keep state in Redis, jwt with and without its token cache.</summary>
[Collection(RedisCollection.Name)]
public sealed class StoreBackedCostTests(RedisCluster cluster, ITestOutputHelper output)
{
    internal static readonly CompareOptions ShortCost =
        CompareRunnerTests.Short with { Scenarios = [CostScenario.ScenarioName], CostLoad = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task Cost_RedisAndJwt_CpuPerRequestOfEachPartAndTheRedisCommandsEachSends()
    {
        var report = await CompareRunner.RunAsync(cluster.Control, ShortCost);
        output.WriteLine(CompareMarkdown.Write(report));

        var cost = report.Scenarios[CostScenario.ScenarioName];
        Assert.Equal(["redis", "jwt", CostScenario.JwtCached], cost.Keys);
        Assert.All(cost, pair => CostAssert.EveryPartRead(pair.Key, pair.Value, withStore: true));

        // The session store is read on every request; the deny-list on every jwt request, with the token cache too:
        // the cache spares the signature check, not the logout check.
        Assert.True(cost["redis"].RedisCommandsPerRequest > 0.5, $"redis: {cost["redis"].RedisCommandsPerRequest} Redis commands per request");
        Assert.Contains(cost["redis"].RedisCommands!.Keys, command => command is "hmget" or "hgetall" or "get");
        foreach (var jwt in new[] { "jwt", CostScenario.JwtCached })
        {
            Assert.True(cost[jwt].RedisCommandsPerRequest > 0.9, $"{jwt}: {cost[jwt].RedisCommandsPerRequest} Redis commands per request");
            Assert.True(cost[jwt].RedisCommands!.GetValueOrDefault("exists") > 0.9, $"{jwt}: {cost[jwt].RedisCommands?.GetValueOrDefault("exists")} deny-list checks per request");
        }

        // Restarted back to the configured setting, healthy, for the tests after this one.
        Assert.All(cluster.Control.Pools.Single(p => p.Strategy == "jwt").Members, node =>
        {
            Assert.Equal("false", cluster.Control.Snapshot(node.Name)!.EnvironmentVariables.Single(e => e.Name == "Jwt__TokenCache__Enabled").Value);
            Assert.Equal("running", cluster.Control.FindResource(node.Name)!.State);
        });
    }
}
