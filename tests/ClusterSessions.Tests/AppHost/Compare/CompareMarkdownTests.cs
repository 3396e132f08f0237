using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class CompareMarkdownTests
{
    [Fact]
    public void Write_Report_HasOneTablePerScenarioWithStrategiesAsColumns()
    {
        var report = new CompareReport
        {
            Machine = new Dictionary<string, string> { ["cores"] = "2", ["os"] = "Linux", ["dotnet"] = ".NET 10" },
            StartedAt = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
            Config = new Dictionary<string, object>
            {
                ["users"] = 3, ["requests"] = 60, ["intervalMs"] = 100, ["nodesPerStrategy"] = 3, ["loadBalancing"] = "RoundRobin",
                ["redis"] = "redis-server", ["jwtRevocation"] = "DenyList",
            },
            Scenarios = new Dictionary<string, IReadOnlyDictionary<string, StrategyResult>>
            {
                ["steady"] = new Dictionary<string, StrategyResult> { ["local"] = new() { Requests = 10 }, ["jwt"] = new() { Requests = 12 } },
                ["race"] = new Dictionary<string, StrategyResult> { ["local"] = new() { LostUpdates = 2 }, ["jwt"] = new() { LostUpdates = 5 } },
            },
            Descriptions = new Dictionary<string, string> { ["steady"] = "no faults", ["race"] = "two writes" },
        };

        var markdown = CompareMarkdown.Write(report);

        Assert.Contains("## steady", markdown, StringComparison.Ordinal);
        Assert.Contains("## race", markdown, StringComparison.Ordinal);
        Assert.Contains("| | local | jwt |", markdown, StringComparison.Ordinal);
        Assert.Contains("| requests | 10 | 12 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| lost updates | 2 | 5 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| lost updates |", markdown.Split("## race")[0], StringComparison.Ordinal);
    }
}
