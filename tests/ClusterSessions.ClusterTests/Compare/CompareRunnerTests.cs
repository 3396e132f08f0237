using System.Diagnostics;
using System.Text.Json;
using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Compare.Scenarios;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Compare;

/// <summary>A short compare on a real cluster must show the truths the project exists to demonstrate.</summary>
[Collection(AllStrategiesCollection.Name)]
public sealed class CompareRunnerTests(AllStrategiesCluster cluster, ITestOutputHelper output)
{
    // The tests check what each strategy answers, not how fast: a CI box starting other clusters beside this one can
    // take seconds per login, so a request gets a minute before it counts as an error.
    internal static readonly CompareOptions Short = new() { Users = 3, Requests = 20, RequestTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>Every scenario but the cost phase, which has tests of its own on the clusters beside this one (CostTests).</summary>
    internal static readonly string[] ShortRunScenarios = [.. CompareRunner.ScenarioNames.Where(n => n != CostScenario.ScenarioName)];

    [Fact]
    public async Task ShortRun_EveryScenario_ShowsTheStrategyTruths()
    {
        // When each scenario began, to see where a slow run spends its time.
        var clock = Stopwatch.StartNew();
        var began = new List<string>();
        var progress = new SynchronousProgress<CompareProgress>(p =>
        {
            if (began.Count == 0 || !began[^1].StartsWith(p.Scenario + " ", StringComparison.Ordinal))
            {
                began.Add($"{p.Scenario} at {clock.Elapsed.TotalSeconds:0} s");
            }
        });
        var report = await CompareRunner.RunAsync(cluster.Control, Short with { Scenarios = ShortRunScenarios }, progress);
        output.WriteLine(string.Join(", ", began));
        output.WriteLine(CompareMarkdown.Write(report));

        Assert.Equal(ShortRunScenarios, report.Scenarios.Keys);
        Assert.All(
            report.Scenarios.Where(s => s.Key != "storeOutageSilent").Select(s => s.Value),
            scenario => Assert.Equal(["local", "sticky", "redis", "jwt"], scenario.Keys));
        Assert.Equal(["redis"], report.Scenarios["storeOutageSilent"].Keys);
        Assert.All(report.Scenarios.Values.SelectMany(s => s.Values), result => Assert.True(result.Requests > 0));

        var steady = report.Scenarios["steady"];
        Assert.True(steady["local"].Continuity < 0.7, $"local continuity {steady["local"].Continuity}");
        Assert.Equal(1.0, steady["sticky"].Continuity);
        Assert.Equal(1.0, steady["redis"].Continuity);
        Assert.Equal(1.0, steady["jwt"].Continuity);
        // The state that travels: a token on jwt, a login cookie (and a session cookie once there is a cart) elsewhere.
        Assert.All(steady.Values, r => Assert.True(r.MeanRequestBytes > 300, $"{r.MeanRequestBytes} request bytes"));

        var nodeKill = report.Scenarios["nodeKill"];
        Assert.True(nodeKill["sticky"].SessionsLost > 0, "sticky should lose the killed node's users");
        // A session store loses no login on a node kill: a 401 is never an error, so a user counted as lost without a
        // failed request is the strategy failing. On an overloaded machine a 10 s client timeout is an error whose cart
        // write may still land, so at most that many users may show as lost.
        Assert.True(nodeKill["redis"].SessionsLost <= nodeKill["redis"].Errors, $"redis lost {nodeKill["redis"].SessionsLost} sessions with {nodeKill["redis"].Errors} errors");
        Assert.True(nodeKill["jwt"].SessionsLost <= nodeKill["jwt"].Errors, $"jwt lost {nodeKill["jwt"].SessionsLost} sessions with {nodeKill["jwt"].Errors} errors");
        Assert.NotNull(nodeKill["redis"].RecoverySeconds);

        // Under load the figures are there for every strategy; how many requests fail in flight is the gateway's
        // retry's business, not asserted here.
        var underLoad = report.Scenarios["nodeKillUnderLoad"];
        Assert.All(underLoad.Values, r =>
        {
            Assert.True(r.Requests > 0, "no request sent under load");
            Assert.NotNull(r.Unauthorized);
            Assert.NotNull(r.RecoverySeconds);
        });
        var underLoadJson = JsonDocument.Parse(CompareJson.Write(report)).RootElement.GetProperty("scenarios").GetProperty("nodeKillUnderLoad");
        foreach (var strategy in underLoad.Keys)
        {
            foreach (var field in new[] { "requests", "errors", "sessionsLost", "unauthorized", "recoverySeconds" })
            {
                Assert.Equal(JsonValueKind.Number, underLoadJson.GetProperty(strategy).GetProperty(field).ValueKind);
            }
        }

        var replay = report.Scenarios["logoutReplay"];
        Assert.Equal(0, replay["sticky"].AcceptedAfterLogout);
        Assert.Equal(0, replay["redis"].AcceptedAfterLogout);
        Assert.Equal(0, replay["jwt"].AcceptedAfterLogout);

        var outage = report.Scenarios["storeOutage"];
        Assert.True(outage["redis"].Errors > 0, "redis down must be visible as errors (503), not silent");
        Assert.Equal(0, outage["redis"].SessionsLost);
        Assert.Equal(0, outage["sticky"].Errors);
        Assert.Equal(0, outage["sticky"].SessionsLost);

        // ASP.NET Core session's stock behaviour: the same outage, no error anywhere, and users silently lose their login.
        var silent = report.Scenarios["storeOutageSilent"]["redis"];
        Assert.Equal(0, silent.Errors);
        Assert.True(silent.SessionsLost > 0, "the stock setting should lose sessions silently");

        Assert.All(report.Scenarios["race"].Values, r => Assert.NotNull(r.LostUpdates));
        var scaleOut = report.Scenarios["scaleOut"];
        Assert.True(scaleOut["redis"].PerNode.GetValueOrDefault("redis-4") > 0, "the new redis node should take traffic");
        // Affinity keeps every existing sticky user where it is: a new node gets none of them.
        Assert.Equal(0, scaleOut["sticky"].PerNode.GetValueOrDefault("sticky-4"));

        // Every fault was undone: the killed nodes run again, so the pools are whole for whatever comes next.
        Assert.All(cluster.Control.Pools.SelectMany(p => p.Members), node => Assert.Equal("running", cluster.Control.FindResource(node.Name)!.State));
    }
}
