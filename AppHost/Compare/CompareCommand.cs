using System.Globalization;
using Aspire.Hosting;
using Spectre.Console;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare;

/// <summary>
/// <c>dotnet run --project AppHost -- compare [--out DIR] [--users N] [--requests M] [--scenario NAME[,NAME…]]</c>:
/// the AppHost's topology on free ports, every scenario, a table on the terminal, compare.json and compare.md.
/// </summary>
internal static class CompareCommand
{
    public const string Name = "compare";

    /// <summary>
    /// Splits <c>compare</c> and its own options off the arguments; the rest is cluster configuration. A compare run
    /// gets a cluster of its own: free ports, a fresh run folder (never a running cluster's AOF or keys), no dashboard.
    /// On a bad option it prints one line and exits 2.
    /// </summary>
    public static CompareInvocation Parse(string[] args)
    {
        var invocation = TryParse(args, out var error);
        if (error is not null)
        {
            Console.Error.WriteLine(error);
            Environment.Exit(2);
        }

        return invocation;
    }

    internal static CompareInvocation TryParse(string[] args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        if (args.Length == 0 || args[0] != Name)
        {
            return new CompareInvocation(null, new DistributedApplicationOptions { Args = args });
        }

        var options = new CompareOptions();
        var runDirectory = Path.Combine(Path.GetTempPath(), $"cluster-sessions-compare-{Guid.NewGuid():N}");
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--out":
                        options = options with { OutputDirectory = Value() };
                        break;
                    case "--users":
                        options = options with { Users = PositiveInt("--users", Value(), 100) };
                        break;
                    case "--requests":
                        options = options with { Requests = PositiveInt("--requests", Value(), 10_000) };
                        break;
                    case "--scenario":
                        options = options with
                        {
                            Scenarios = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(scenario =>
                                CompareRunner.ScenarioNames.FirstOrDefault(n => string.Equals(n, scenario, StringComparison.OrdinalIgnoreCase))
                                ?? throw new FormatException($"--scenario: '{scenario}' is not one of {string.Join(", ", CompareRunner.ScenarioNames)}"))],
                        };
                        break;
                    default:
                        rest.Add(args[i]);
                        break;
                }
            }
            catch (FormatException exception)
            {
                error = $"error: compare {exception.Message}";
                return new CompareInvocation(null, new DistributedApplicationOptions { Args = args });
            }
        }

        // After the user's own arguments, so these win: a compare never shares ports or a run folder.
        rest.AddRange(["--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", "--Cluster:LabPort=0", $"--Cluster:RunDirectory={runDirectory}"]);
        return new CompareInvocation(options with { RunDirectory = runDirectory }, new DistributedApplicationOptions { Args = [.. rest], DisableDashboard = true });
    }

    public static async Task<int> RunAsync(ClusterControl cluster, CompareOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var console = AnsiConsole.Console;
        console.MarkupLine($"[bold]compare[/]: {Markup.Escape(string.Join(", ", cluster.Pools.Select(p => p.Strategy)))} · {options.Users} users × {options.Requests} requests");
        CompareReport report = null!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progressContext =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress<CompareProgress>(p =>
                {
                    foreach (var done in tasks.Values.Where(t => t.Description != p.Scenario))
                    {
                        done.Value = done.MaxValue;
                    }

                    if (p.Scenario != "done")
                    {
                        if (!tasks.TryGetValue(p.Scenario, out var task))
                        {
                            tasks[p.Scenario] = task = progressContext.AddTask(p.Scenario, maxValue: 1);
                        }

                        task.Value = Math.Clamp((p.Fraction * p.ScenarioCount) - p.ScenarioIndex, 0, 1);
                    }
                });
                report = await CompareRunner.RunAsync(cluster, options, progress, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

        Directory.CreateDirectory(options.OutputDirectory);
        var json = Path.Combine(options.OutputDirectory, "compare.json");
        var markdown = Path.Combine(options.OutputDirectory, "compare.md");
        await File.WriteAllTextAsync(json, CompareJson.Write(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(markdown, CompareMarkdown.Write(report), cancellationToken).ConfigureAwait(false);

        foreach (var (scenario, results) in report.Scenarios)
        {
            var table = new Table().Title(scenario).AddColumn("");
            foreach (var strategy in results.Keys)
            {
                table.AddColumn(new TableColumn(strategy).RightAligned());
            }

            AddRow(table, "requests", results, r => r.Requests.ToString(CultureInfo.InvariantCulture));
            AddRow(table, "continuity", results, r => r.Continuity.ToString("0.000", CultureInfo.InvariantCulture));
            AddRow(table, "sessions lost", results, r => r.SessionsLost.ToString(CultureInfo.InvariantCulture));
            AddRow(table, "errors", results, r => r.Errors.ToString(CultureInfo.InvariantCulture));
            AddOptionalRow(table, "401 answers", results, r => r.Unauthorized?.ToString(CultureInfo.InvariantCulture));
            AddOptionalRow(table, "lost updates", results, r => r.LostUpdates?.ToString(CultureInfo.InvariantCulture));
            AddOptionalRow(table, "replays accepted", results, r => r.AcceptedAfterLogout?.ToString(CultureInfo.InvariantCulture));
            AddOptionalRow(table, "recovery s", results, r => r.RecoverySeconds?.ToString("0.0", CultureInfo.InvariantCulture));
            AddRow(table, "p50 / p99 ms", results, r => $"{r.P50Ms:0.0} / {r.P99Ms:0.0}");
            AddRow(table, "request bytes", results, r => r.MeanRequestBytes.ToString("0", CultureInfo.InvariantCulture));
            foreach (var (name, value) in CompareMarkdown.CostRows)
            {
                AddOptionalRow(table, name, results, value);
            }

            console.Write(table);
        }

        console.MarkupLine($"wrote [bold]{Markup.Escape(json)}[/] and [bold]{Markup.Escape(markdown)}[/] in {report.DurationSeconds:0} s");
        return 0;
    }

    private static void AddRow(Table table, string name, IReadOnlyDictionary<string, StrategyResult> results, Func<StrategyResult, string> value) =>
        table.AddRow([name, .. results.Values.Select(value)]);

    private static void AddOptionalRow(Table table, string name, IReadOnlyDictionary<string, StrategyResult> results, Func<StrategyResult, string?> value)
    {
        if (results.Values.Any(r => value(r) is not null))
        {
            table.AddRow([name, .. results.Values.Select(r => value(r) ?? "-")]);
        }
    }

    private static int PositiveInt(string option, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 && parsed <= max
            ? parsed
            : throw new FormatException($"{option}: '{value}' must be a whole number from 1 to {max}");
}
