using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare;

/// <summary>What a scenario runs against, and the traffic every scenario shares: the same users and schedule for each strategy.</summary>
internal sealed class ScenarioContext(ClusterControl cluster, IReadOnlyList<string> strategies, CompareOptions options, TimeProvider timeProvider, Action<double> reportProgress)
{
    private static readonly string[] DemoUsers = ["alice", "bob", "carol"];

    public ClusterControl Cluster { get; } = cluster;

    public IReadOnlyList<string> Strategies { get; } = strategies;

    public CompareOptions Options { get; } = options;

    /// <summary>The same context with a schedule <paramref name="factor"/> times as long, for faults that take seconds to play out.</summary>
    public ScenarioContext Lengthened(int factor) =>
        new(Cluster, Strategies, Options with { Requests = Options.Requests * factor }, TimeProvider, reportProgress);

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The same context for some of the strategies only.</summary>
    public ScenarioContext For(IReadOnlyList<string> strategies) =>
        new(Cluster, strategies, Options, TimeProvider, reportProgress);

    public VirtualUserGroup CreateUsers() => CreateUsers(Options.Users);

    /// <summary><paramref name="count"/> users per strategy, each with a cookie jar of their own (demo logins repeat).</summary>
    public VirtualUserGroup CreateUsers(int count)
    {
        var gateway = Cluster.GatewayUrl ?? throw new InvalidOperationException("the cluster has no gateway");
        return new VirtualUserGroup(Strategies.ToDictionary(
            s => s,
            s => Enumerable.Range(0, count).Select(i => new VirtualUser(gateway, s, DemoUsers[i % DemoUsers.Length], Options.RequestTimeout, TimeProvider)).ToList()));
    }

    /// <summary>For scenarios that do not run on the shared schedule: 0..1 through this scenario.</summary>
    public void ReportProgress(double fraction) => reportProgress(fraction);

    /// <summary>
    /// Logs every user in, then every user of every strategy makes <see cref="CompareOptions.Requests"/> requests on
    /// one shared schedule (request i at start + i × interval). Half-way, every user waits until all users are half-way
    /// and <paramref name="fault"/> has done its work, then the second half goes on, on the same step from that moment:
    /// so the fault lands between the same requests of every strategy however slow the machine is, and every user
    /// meets it. <paramref name="recover"/> runs <paramref name="recoverAfter"/> after the fault, while traffic goes on.
    /// </summary>
    public async Task<Dictionary<string, StrategyResult>> RunMixedTrafficAsync(
        Func<CancellationToken, Task>? fault,
        Func<CancellationToken, Task>? recover,
        TimeSpan recoverAfter,
        CancellationToken cancellationToken)
    {
        using var users = CreateUsers();
        await Task.WhenAll(users.All.Select(u => u.LoginAsync(cancellationToken))).ConfigureAwait(false);
        var interval = Options.Interval;
        var half = fault is null ? Options.Requests : Options.Requests / 2;
        var started = TimeProvider.GetUtcNow();
        var userCount = users.All.Count();
        var phase = new FaultPhase(userCount, TimeProvider);

        var faults = fault is null ? Task.CompletedTask : Task.Run(async () =>
        {
            try
            {
                await phase.AllArrived.WaitAsync(cancellationToken).ConfigureAwait(false);
                phase.BeginFault();
                await fault(cancellationToken).ConfigureAwait(false);
                phase.EndFault();
            }
            catch (Exception exception)
            {
                phase.Fail(exception);
                throw;
            }

            if (recover is not null)
            {
                await Task.Delay(recoverAfter, TimeProvider, cancellationToken).ConfigureAwait(false);
                await recover(cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

        var done = 0;
        var total = userCount * Options.Requests;
        await Task.WhenAll(users.All.Select((user, index) => Task.Run(async () =>
        {
            var random = new Random((index * 7919) + 17);
            try
            {
                await StepsAsync(user, random, 0, half, started).ConfigureAwait(false);
            }
            finally
            {
                // Also when this user stops early: the others must not wait for a fault that never comes.
                phase.Arrive();
            }

            if (fault is not null)
            {
                await phase.FaultDone.WaitAsync(cancellationToken).ConfigureAwait(false);
                await StepsAsync(user, random, half, Options.Requests, phase.ResumedAt - (interval * half)).ConfigureAwait(false);
            }
        }, cancellationToken))).ConfigureAwait(false);
        await faults.ConfigureAwait(false);

        return users.ByStrategy.ToDictionary(
            pair => pair.Key,
            pair => Summarize(pair.Value) with { RecoverySeconds = phase.FaultAt is { } at ? RecoverySeconds(pair.Value, at) : null });

        // Requests from..to-1 of one user, request i due at origin + i × interval (at once when it is already late).
        async Task StepsAsync(VirtualUser user, Random random, int from, int to, DateTimeOffset origin)
        {
            for (var i = from; i < to; i++)
            {
                var wait = origin + (interval * i) - TimeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                await user.StepAsync(random, cancellationToken).ConfigureAwait(false);
                reportProgress((double)Interlocked.Increment(ref done) / total);
            }
        }
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

    public static StrategyResult Summarize(IReadOnlyList<VirtualUser> users) =>
        StrategyResult.From(users.SelectMany(u => u.Samples).ToList(), users.Count(u => u.LostSession));

    /// <summary>From the fault until the last error after it; 0 when the fault caused none.</summary>
    public static double RecoverySeconds(IEnumerable<VirtualUser> users, DateTimeOffset faultAt)
    {
        var lastError = users.SelectMany(u => u.Samples).Where(s => s.Error && s.At >= faultAt).Select(s => (DateTimeOffset?)s.At).Max();
        return lastError is { } last ? Math.Round((last - faultAt).TotalSeconds, 2) : 0;
    }

    /// <summary>
    /// After a fault: brings every stopped resource back and waits until the gateway sees every node healthy and has
    /// forgotten the fault's failures, so the next scenario starts on a whole cluster.
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        // Spares are not part of the whole cluster; nodes a scenario removed from their pool are not either.
        var members = Cluster.Pools.SelectMany(p => p.Members).Select(n => n.Name).ToHashSet();
        var stopped = Cluster.Resources
            .Where(r => r.State != "running" && (r.Kind != "node" || members.Contains(r.Name)))
            .ToList();
        foreach (var resource in stopped.OrderBy(r => r.Kind == "redis" ? 0 : 1))
        {
            await Cluster.ExecuteAsync(resource.Name, ResourceAction.Start, cancellationToken).ConfigureAwait(false);
        }

        await WaitUntilGatewaySeesEveryNodeHealthyAsync(cancellationToken).ConfigureAwait(false);

        // The passive health check rates failures over a 5 s window on every request, a successful one too: a
        // restarted node that answers a request while its old failures are in the window is marked unhealthy again,
        // and its sticky users are moved. Waiting the window out keeps one scenario's fault out of the next.
        await Task.Delay(TimeSpan.FromSeconds(6), TimeProvider, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Until the gateway's health checks see every node of every pool healthy (at most 30 s).</summary>
    public async Task WaitUntilGatewaySeesEveryNodeHealthyAsync(CancellationToken cancellationToken)
    {
        if (Cluster.GatewayAdmin is not { } admin)
        {
            return;
        }

        // A node that never turns healthy shows in the next scenario's figures; waiting longer would only hide it.
        var deadline = TimeProvider.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (TimeProvider.GetUtcNow() < deadline)
        {
            var pools = await admin.GetDestinationHealthAsync(cancellationToken).ConfigureAwait(false);
            if (pools.Values.SelectMany(p => p.Values).All(health => health == "Healthy"))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
