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

    [Fact]
    public void Write_NodeKillUnderLoad_Shows401AnswersBesideErrorsAndCountsItsOwnUsers()
    {
        var markdown = CompareMarkdown.Write(UnderLoadReport());

        var section = markdown.Split("## nodeKillUnderLoad")[1];
        Assert.Contains("| requests | 3000 | 2500 |", section, StringComparison.Ordinal);
        Assert.Contains("| errors | 4 | 0 |", section, StringComparison.Ordinal);
        Assert.Contains("| sessions lost | 5 | 0 |", section, StringComparison.Ordinal);
        Assert.Contains("| 401 answers | 5 | 0 |", section, StringComparison.Ordinal);
        // Its 16 users, not the schedule's 3.
        Assert.Contains("lost 5 of 16 users' sessions", section, StringComparison.Ordinal);
        Assert.DoesNotContain("| 401 answers |", markdown.Split("## nodeKillUnderLoad")[0], StringComparison.Ordinal);
    }

    internal static CompareReport UnderLoadReport() => new()
    {
        Machine = new Dictionary<string, string> { ["cores"] = "2", ["os"] = "Linux", ["dotnet"] = ".NET 10" },
        StartedAt = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
        Config = new Dictionary<string, object>
        {
            ["users"] = 3, ["usersUnderLoad"] = 16, ["requests"] = 40, ["intervalMs"] = 100, ["nodesPerStrategy"] = 3,
            ["loadBalancing"] = "RoundRobin", ["redis"] = "redis-server", ["jwtRevocation"] = "DenyList",
        },
        Scenarios = new Dictionary<string, IReadOnlyDictionary<string, StrategyResult>>
        {
            ["nodeKill"] = new Dictionary<string, StrategyResult>
            {
                ["sticky"] = new() { Requests = 120, SessionsLost = 1, RecoverySeconds = 0 },
                ["redis"] = new() { Requests = 120, RecoverySeconds = 0 },
            },
            ["nodeKillUnderLoad"] = new Dictionary<string, StrategyResult>
            {
                ["sticky"] = new() { Requests = 3000, Errors = 4, Continuity = 0.998, SessionsLost = 5, RecoverySeconds = 0.42, Unauthorized = 5 },
                ["redis"] = new() { Requests = 2500, Continuity = 1.0, RecoverySeconds = 0, Unauthorized = 0 },
            },
        },
        Descriptions = new Dictionary<string, string> { ["nodeKill"] = "between requests", ["nodeKillUnderLoad"] = "under load" },
    };
}
