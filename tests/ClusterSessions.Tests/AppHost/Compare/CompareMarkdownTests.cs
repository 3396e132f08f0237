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

    [Fact]
    public void Write_Cost_ShowsCpuAndRedisRowsThereOnlyWithItsOwnUsers()
    {
        var report = UnderLoadReport() with
        {
            Config = new Dictionary<string, object>(UnderLoadReport().Config) { ["usersForCost"] = 4 },
            Scenarios = new Dictionary<string, IReadOnlyDictionary<string, StrategyResult>>(UnderLoadReport().Scenarios)
            {
                ["cost"] = new Dictionary<string, StrategyResult>
                {
                    ["redis"] = new()
                    {
                        Requests = 2100, Continuity = 1.0, NodeCpuUsPerRequest = 136.4, GatewayCpuUsPerRequest = 73, RedisCpuUsPerRequest = 18.2,
                        RedisCommandsPerRequest = 2.31, RedisCommands = new Dictionary<string, double> { ["get"] = 1, ["expire"] = 1, ["set"] = 0.31 },
                    },
                    ["jwt+cache"] = new()
                    {
                        Requests = 2600, Continuity = 1.0, SessionsLost = 4, NodeCpuUsPerRequest = 120, GatewayCpuUsPerRequest = 70, RedisCpuUsPerRequest = 15,
                        RedisCommandsPerRequest = 2, RedisCommands = new Dictionary<string, double> { ["exists"] = 1, ["get"] = 1 },
                    },
                },
            },
        };

        var markdown = CompareMarkdown.Write(report);

        var section = markdown.Split("## cost")[1];
        Assert.Contains("| | redis | jwt+cache |", section, StringComparison.Ordinal);
        Assert.Contains("| node CPU µs/request | 136 | 120 |", section, StringComparison.Ordinal);
        Assert.Contains("| gateway CPU µs/request | 73 | 70 |", section, StringComparison.Ordinal);
        Assert.Contains("| Redis CPU µs/request | 18 | 15 |", section, StringComparison.Ordinal);
        Assert.Contains("| Redis commands/request | 2.31 | 2.00 |", section, StringComparison.Ordinal);
        Assert.Contains("| Redis commands | get:1.00 expire:1.00 set:0.31 | exists:1.00 get:1.00 |", section, StringComparison.Ordinal);
        Assert.Contains("lost all 4 users' sessions", section, StringComparison.Ordinal);
        Assert.DoesNotContain("CPU µs/request", markdown.Split("## cost")[0], StringComparison.Ordinal);
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
