using System.Runtime.InteropServices;
using ClusterSessions.AppHost.Compare.Scenarios;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare;

/// <summary>Runs the scenarios, in a fixed order, against a running cluster: every strategy at once, on the same schedule.</summary>
internal static class CompareRunner
{
    private static readonly IScenario[] AllScenarios =
    [
        new SteadyScenario(),
        new LogoutReplayScenario(),
        new RaceScenario(),
        new NodeKillScenario(),
        new NodeKillUnderLoadScenario(),
        new StoreOutageScenario(),
        new StoreOutageSilentScenario(),
        new ScaleOutScenario(),
        new CostScenario(),
    ];

    public static IReadOnlyList<string> ScenarioNames { get; } = AllScenarios.Select(s => s.Name).ToList();

    public static async Task<CompareReport> RunAsync(
        ClusterControl cluster,
        CompareOptions options,
        IProgress<CompareProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenarios?.FirstOrDefault(n => !ScenarioNames.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new ArgumentException($"unknown scenario '{unknown}'; one of {string.Join(", ", ScenarioNames)}", nameof(options));
        }

        var scenarios = options.Scenarios is null
            ? AllScenarios
            : AllScenarios.Where(s => options.Scenarios.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToArray();

        var timeProvider = TimeProvider.System;
        var startedAt = timeProvider.GetUtcNow();
        var strategies = cluster.Pools.Select(p => p.Strategy).ToList();
        var results = new Dictionary<string, IReadOnlyDictionary<string, StrategyResult>>(StringComparer.Ordinal);
        progress?.Report(new CompareProgress("warm-up", 0, scenarios.Length, 0));
        await new ScenarioContext(cluster, strategies, options, timeProvider, _ => { }).WarmUpAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < scenarios.Length; i++)
        {
            var index = i;
            var scenario = scenarios[i];
            var context = new ScenarioContext(cluster, strategies, options, timeProvider, fraction =>
                progress?.Report(new CompareProgress(scenario.Name, index, scenarios.Length, (index + Math.Clamp(fraction, 0, 1)) / scenarios.Length)));
            progress?.Report(new CompareProgress(scenario.Name, index, scenarios.Length, (double)index / scenarios.Length));
            results[scenario.Name] = await scenario.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new CompareProgress("done", scenarios.Length, scenarios.Length, 1));
        return new CompareReport
        {
            Machine = new Dictionary<string, string>
            {
                ["os"] = RuntimeInformation.OSDescription,
                ["cores"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["dotnet"] = RuntimeInformation.FrameworkDescription,
                ["memoryGiB"] = (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            },
            StartedAt = startedAt,
            Config = new Dictionary<string, object>
            {
                ["strategies"] = strategies,
                ["nodesPerStrategy"] = cluster.Options.NodesPerStrategy,
                ["loadBalancing"] = cluster.Options.LoadBalancing,
                ["redisMode"] = cluster.Options.Redis.Mode.ToString(),
                ["redis"] = cluster.Model.Store?.Description ?? "none",
                ["jwtRevocation"] = cluster.Options.JwtRevocation.ToString(),
                ["users"] = options.Users,
                ["requests"] = options.Requests,
                ["usersUnderLoad"] = NodeKillUnderLoadScenario.Users,
                ["usersForCost"] = CostScenario.Users,
                ["costSeconds"] = options.CostLoad.TotalSeconds,
                ["jwtTokenCache"] = cluster.Options.JwtTokenCache,
                ["intervalMs"] = options.Interval.TotalMilliseconds,
            },
            Scenarios = results,
            Descriptions = scenarios.ToDictionary(s => s.Name, s => s.Description),
            DurationSeconds = Math.Round((timeProvider.GetUtcNow() - startedAt).TotalSeconds, 1),
        };
    }
}
