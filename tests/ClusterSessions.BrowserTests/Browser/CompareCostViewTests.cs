using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Compare.Scenarios;
using ClusterSessions.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Browser;

/// <summary>The Compare view draws a report's cost phase: its own charts and table, jwt's second column included.</summary>
[Collection(LabCollection.Name)]
public sealed class CompareCostViewTests(LabCluster cluster, BrowserFixture browser)
{
    [ChromiumFact]
    public async Task Compare_ReportWithACostPhase_ChartsCpuByPartAndRedisCommandsAndShowsTheTable()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        // The report as the server would keep it after a run, written by the server's own serializer.
        var state = $$"""{"state":"done","progress":1,"message":"","report":{{CompareJson.Write(Report())}}}""";
        await page.RouteAsync("**/api/compare", route => route.Request.Method == "GET"
            ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = state })
            : route.ContinueAsync());

        await lab.GotoLinkAsync("compare");

        var view = page.Locator("#view-compare");
        var cpu = view.Locator("figure.chart", new LocatorLocatorOptions { Has = page.Locator("h4", new PageLocatorOptions { HasText = "CPU per request" }) });
        await Assertions.Expect(cpu.Locator(".legend span")).ToHaveTextAsync(["nodes", "gateway", "Redis"]);
        // One group per column of the cost table, jwt's second run included; the value of each bar is written on it.
        await Assertions.Expect(cpu.Locator("svg")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("jwt\\+cache: nodes 120, gateway 70, Redis 15"));
        var commands = view.Locator("figure.chart", new LocatorLocatorOptions { Has = page.Locator("h4", new PageLocatorOptions { HasText = "Redis commands per request" }) });
        await Assertions.Expect(commands.Locator("svg")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("redis: commands 2\\.3; jwt\\+cache: commands 2\\.0"));

        var table = view.Locator("[data-scenario='cost'] table");
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["metric", "redis", CostScenario.JwtCached]);
        await Assertions.Expect(table.Locator("tr[data-metric='nodeCpuUsPerRequest'] td")).ToHaveTextAsync(["136 µs", "120 µs"]);
        await Assertions.Expect(table.Locator("tr[data-metric='redisCommands'] td")).ToHaveTextAsync(["get 1.00 · expire 1.00 · set 0.31", "exists 1.00 · get 1.00"]);
        // The other scenarios keep their four strategies: the cost phase's extra column stays in its own table.
        await Assertions.Expect(view.Locator("[data-scenario='steady'] thead th")).ToHaveTextAsync(["metric", "redis"]);
        Assert.Empty(lab.Errors);
    }

    private static CompareReport Report() => new()
    {
        Machine = new Dictionary<string, string> { ["cores"] = "2", ["os"] = "Linux", ["dotnet"] = ".NET 10" },
        StartedAt = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero),
        Config = new Dictionary<string, object> { ["users"] = 3, ["requests"] = 40, ["usersForCost"] = 4, ["costSeconds"] = 3.0 },
        Scenarios = new Dictionary<string, IReadOnlyDictionary<string, StrategyResult>>
        {
            ["steady"] = new Dictionary<string, StrategyResult> { ["redis"] = new() { Requests = 120, Continuity = 1.0 } },
            [CostScenario.ScenarioName] = new Dictionary<string, StrategyResult>
            {
                ["redis"] = new()
                {
                    Requests = 2100, Continuity = 1.0, NodeCpuUsPerRequest = 136.4, GatewayCpuUsPerRequest = 73, RedisCpuUsPerRequest = 18.2,
                    RedisCommandsPerRequest = 2.31, RedisCommands = new Dictionary<string, double> { ["get"] = 1, ["expire"] = 1, ["set"] = 0.31 },
                },
                [CostScenario.JwtCached] = new()
                {
                    Requests = 2600, Continuity = 1.0, NodeCpuUsPerRequest = 120, GatewayCpuUsPerRequest = 70, RedisCpuUsPerRequest = 15,
                    RedisCommandsPerRequest = 2, RedisCommands = new Dictionary<string, double> { ["exists"] = 1, ["get"] = 1 },
                },
            },
        },
        Descriptions = new Dictionary<string, string> { ["steady"] = "no faults", [CostScenario.ScenarioName] = "one pool at a time" },
    };
}
