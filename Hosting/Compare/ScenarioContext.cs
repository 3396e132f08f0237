using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Hosting.Compare;

/// <summary>What a scenario runs against, and the traffic every scenario shares: the same users and schedule for each strategy.</summary>
internal sealed class ScenarioContext(ClusterApplication cluster, IReadOnlyList<string> strategies, CompareOptions options, TimeProvider timeProvider, Action<double> reportProgress)
{
    private static readonly string[] DemoUsers = ["alice", "bob", "carol"];

    public ClusterApplication Cluster { get; } = cluster;

    public IReadOnlyList<string> Strategies { get; } = strategies;

    public CompareOptions Options { get; } = options;

    /// <summary>The same context with a schedule <paramref name="factor"/> times as long, for faults that take seconds to play out.</summary>
    public ScenarioContext Lengthened(int factor) =>
        new(Cluster, Strategies, Options with { Requests = Options.Requests * factor }, TimeProvider, reportProgress);

    public TimeProvider TimeProvider { get; } = timeProvider;

    public VirtualUserGroup CreateUsers()
    {
        var gateway = Cluster.GatewayUrl ?? throw new InvalidOperationException("the cluster has no gateway");
        return new VirtualUserGroup(Strategies.ToDictionary(
            s => s,
            s => Enumerable.Range(0, Options.Users).Select(i => new VirtualUser(gateway, s, DemoUsers[i % DemoUsers.Length], TimeProvider)).ToList()));
    }

    /// <summary>
    /// Logs every user in, then every user of every strategy makes <see cref="CompareOptions.Requests"/> requests on
    /// one shared schedule (request i at start + i × interval), so faults hit all strategies at the same moment.
    /// <paramref name="atMidpoint"/> runs half-way through the schedule (the fault), <paramref name="later"/> at 80 %.
    /// </summary>
    public async Task<Dictionary<string, StrategyResult>> RunMixedTrafficAsync(
        Func<CancellationToken, Task>? atMidpoint,
        Func<CancellationToken, Task>? later,
        CancellationToken cancellationToken)
    {
        using var users = CreateUsers();
        await Task.WhenAll(users.All.Select(u => u.LoginAsync(cancellationToken))).ConfigureAwait(false);
        var interval = Options.Interval;
        var schedule = interval * Options.Requests;
        var started = TimeProvider.GetUtcNow();
        DateTimeOffset? faultAt = null;

        var faults = Task.Run(async () =>
        {
            if (atMidpoint is null)
            {
                return;
            }

            await Task.Delay(schedule / 2, TimeProvider, cancellationToken).ConfigureAwait(false);
            faultAt = TimeProvider.GetUtcNow();
            await atMidpoint(cancellationToken).ConfigureAwait(false);
            if (later is not null)
            {
                var due = started + (schedule * 0.8) - TimeProvider.GetUtcNow();
                await Task.Delay(due > TimeSpan.Zero ? due : TimeSpan.Zero, TimeProvider, cancellationToken).ConfigureAwait(false);
                await later(cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

        var done = 0;
        var total = users.ByStrategy.Values.Sum(u => u.Count) * Options.Requests;
        await Task.WhenAll(users.All.Select((user, index) => Task.Run(async () =>
        {
            var random = new Random((index * 7919) + 17);
            for (var i = 0; i < Options.Requests; i++)
            {
                var wait = started + (interval * i) - TimeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                await user.StepAsync(random, cancellationToken).ConfigureAwait(false);
                reportProgress((double)Interlocked.Increment(ref done) / total);
            }
        }, cancellationToken))).ConfigureAwait(false);
        var duration = TimeProvider.GetUtcNow() - started;
        await faults.ConfigureAwait(false);

        return users.ByStrategy.ToDictionary(
            pair => pair.Key,
            pair => Summarize(pair.Value, duration) with { RecoverySeconds = faultAt is { } at ? RecoverySeconds(pair.Value, at) : null });
    }

    /// <summary>A few logged-in requests per strategy before the first scenario, so start-up costs (JIT, first connections) are not measured.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var users = CreateUsers();
        await Task.WhenAll(users.All.Select(async user =>
        {
            await user.LoginAsync(cancellationToken).ConfigureAwait(false);
            var random = new Random(1);
            for (var i = 0; i < 10; i++)
            {
                await user.StepAsync(random, cancellationToken).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }

    public static StrategyResult Summarize(IReadOnlyList<VirtualUser> users, TimeSpan duration) =>
        StrategyResult.From(users.SelectMany(u => u.Samples).ToList(), users.Count(u => u.LostSession), duration);

    /// <summary>From the fault until the last error after it; 0 when the fault caused none.</summary>
    public static double RecoverySeconds(IEnumerable<VirtualUser> users, DateTimeOffset faultAt)
    {
        var lastError = users.SelectMany(u => u.Samples).Where(s => s.Error && s.At >= faultAt).Select(s => (DateTimeOffset?)s.At).Max();
        return lastError is { } last ? Math.Round((last - faultAt).TotalSeconds, 2) : 0;
    }

    /// <summary>Brings every stopped resource back and waits until the gateway routes to restarted nodes again.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var stopped = Cluster.Resources.Where(r => r.State is not ResourceState.Running).ToList();
        foreach (var resource in stopped.OrderBy(r => r.Kind == ResourceKind.Redis ? 0 : 1))
        {
            await Cluster.ExecuteAsync(resource.Name, ResourceAction.Start, cancellationToken).ConfigureAwait(false);
        }

        if (stopped.Count > 0)
        {
            // The gateway's passive health check forgets a node's old failures after 5 s.
            await Task.Delay(TimeSpan.FromSeconds(6), TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
