using System.Globalization;
using System.Text;
using ClusterSessions.AppHost.Compare.Scenarios;

namespace ClusterSessions.AppHost.Compare;

/// <summary>compare.md: one table per scenario (strategies as columns) and a paragraph of plain reading under each.</summary>
internal static class CompareMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(CompareReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# ClusterSessions compare — {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Invariant, $"{report.Machine["cores"]} cores, {report.Machine["os"]}, {report.Machine["dotnet"]}; " +
            $"{report.Config["users"]} users × {report.Config["requests"]} requests (one every {report.Config["intervalMs"]} ms) per strategy and scenario; " +
            $"{report.Config["nodesPerStrategy"]} nodes per pool, {report.Config["loadBalancing"]}; Redis: {report.Config["redis"]}; " +
            $"JWT revocation: {report.Config["jwtRevocation"]}. Run took {report.DurationSeconds.ToString("0", Invariant)} s.");
        foreach (var (scenario, results) in report.Scenarios)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"## {scenario}");
            md.AppendLine();
            md.AppendLine(report.Descriptions.GetValueOrDefault(scenario, ""));
            md.AppendLine();
            WriteTable(md, results);
            md.AppendLine();
            md.AppendLine(CompareProse.Describe(scenario, results, Users(report, scenario)));
        }

        return md.ToString();
    }

    private static void WriteTable(StringBuilder md, IReadOnlyDictionary<string, StrategyResult> results)
    {
        var strategies = results.Keys.ToList();
        md.AppendLine("| | " + string.Join(" | ", strategies) + " |");
        md.AppendLine("|---|" + string.Concat(strategies.Select(_ => "---:|")));
        Row(md, "requests", results, r => r.Requests.ToString(Invariant));
        Row(md, "errors", results, r => r.Errors.ToString(Invariant));
        Row(md, "continuity", results, r => r.Continuity.ToString("0.000", Invariant));
        Row(md, "sessions lost", results, r => r.SessionsLost.ToString(Invariant));
        Row(md, "p50 ms", results, r => r.P50Ms.ToString("0.0", Invariant));
        Row(md, "p95 ms", results, r => r.P95Ms.ToString("0.0", Invariant));
        Row(md, "p99 ms", results, r => r.P99Ms.ToString("0.0", Invariant));
        Row(md, "requests/s", results, r => r.Rps.ToString("0", Invariant));
        Row(md, "mean request bytes", results, r => r.MeanRequestBytes.ToString("0", Invariant));
        Row(md, "per node", results, r => string.Join(" ", r.PerNode.Select(n => $"{n.Key}:{n.Value}")));
        if (results.Values.Any(r => r.AcceptedAfterLogout is not null))
        {
            Row(md, "accepted after logout", results, r => r.AcceptedAfterLogout?.ToString(Invariant) ?? "-");
        }

        if (results.Values.Any(r => r.LostUpdates is not null))
        {
            Row(md, "lost updates", results, r => r.LostUpdates?.ToString(Invariant) ?? "-");
        }

        if (results.Values.Any(r => r.RecoverySeconds is not null))
        {
            Row(md, "recovery s", results, r => r.RecoverySeconds?.ToString("0.0", Invariant) ?? "-");
        }

        if (results.Values.Any(r => r.Unauthorized is not null))
        {
            Row(md, "401 answers", results, r => r.Unauthorized?.ToString(Invariant) ?? "-");
        }

        foreach (var (name, value) in CostRows)
        {
            if (results.Values.Any(r => value(r) is not null))
            {
                Row(md, name, results, r => value(r) ?? "-");
            }
        }
    }

    /// <summary>The cost scenario's rows, shared with the console's table.</summary>
    internal static IReadOnlyList<(string Name, Func<StrategyResult, string?> Value)> CostRows { get; } =
    [
        ("node CPU µs/request", r => r.NodeCpuUsPerRequest?.ToString("0", Invariant)),
        ("gateway CPU µs/request", r => r.GatewayCpuUsPerRequest?.ToString("0", Invariant)),
        ("Redis CPU µs/request", r => r.RedisCpuUsPerRequest?.ToString("0", Invariant)),
        ("Redis commands/request", r => r.RedisCommandsPerRequest?.ToString("0.00", Invariant)),
        ("Redis commands", r => r.RedisCommands is null ? null : r.RedisCommands.Count == 0 ? "none" : string.Join(" ", r.RedisCommands.Select(c => $"{c.Key}:{c.Value.ToString("0.00", Invariant)}"))),
    ];

    // The load and cost scenarios run users of their own, more than the schedule's. An int when the report was just made, a
    // JsonElement when it was read back from compare.json.
    private static int Users(CompareReport report, string scenario) =>
        report.Config.GetValueOrDefault(scenario switch
        {
            NodeKillUnderLoadScenario.ScenarioName => "usersUnderLoad",
            CostScenario.ScenarioName => "usersForCost",
            _ => "users",
        }) switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } element => element.GetInt32(),
            IConvertible value => value.ToInt32(Invariant),
            _ => 0,
        };

    private static void Row(StringBuilder md, string name, IReadOnlyDictionary<string, StrategyResult> results, Func<StrategyResult, string> value) =>
        md.AppendLine($"| {name} | " + string.Join(" | ", results.Values.Select(value)) + " |");
}
