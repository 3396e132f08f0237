using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare.Scenarios;

/// <summary>
/// A node dies with requests in flight: many users per pool ask who they are back to back, with no pause, and one
/// node of every pool is SIGKILLed a second in. <see cref="NodeKillScenario"/> kills between requests, so it never
/// shows what the crash does to requests the node holds at that moment. What reaches the users splits in two: errors
/// (a 5xx or a dropped connection: requests the dead node held, or was sent before the gateway took it out), which a
/// gateway that sends a failed idempotent request to another node can hide; and 401s (the node that answered does not
/// hold the session), which no retry can: they are the strategy's own loss.
/// </summary>
internal sealed class NodeKillUnderLoadScenario : IScenario
{
    public const string ScenarioName = "nodeKillUnderLoad";

    /// <summary>Users per pool: enough that every node has requests in flight whenever the kill lands.</summary>
    public const int Users = 16;

    // A login hashes a password (100,000 PBKDF2 iterations): a few at a time, so a busy machine does not time them out.
    private const int LoginsAtOnce = 8;
    private const int LoginAttempts = 3;

    // Load before the kill, so connections to every node are open and busy; load after it, long enough for the gateway's
    // passive health check to take the dead node out. The whole run stays a few seconds: compare runs in the cluster tests.
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(2.5);

    public string Name => ScenarioName;

    public string Description =>
        $"{Users} users per pool send GET api/me back to back (no pause); one node of every pool is SIGKILLed {BeforeKill.TotalSeconds:0} s in, " +
        $"the load goes on {AfterKill.TotalSeconds:0.0} s, then the node is started again";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var victims = NodeKillScenario.Victims(context);
        var time = context.TimeProvider;
        using var users = context.CreateUsers(Users);
        await Parallel.ForEachAsync(
            users.All,
            new ParallelOptions { MaxDegreeOfParallelism = LoginsAtOnce, CancellationToken = cancellationToken },
            async (user, ct) =>
            {
                for (var attempt = 1; attempt <= LoginAttempts; attempt++)
                {
                    if (await user.LoginAsync(ct).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }).ConfigureAwait(false);

        // The logins are set-up: the figures are the load's alone.
        var loadStart = time.GetUtcNow();
        DateTimeOffset faultAt;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var load = Task.WhenAll(users.All.Select(user => Task.Run(() => LoadAsync(user, stop.Token, cancellationToken), cancellationToken)));
            try
            {
                await Task.Delay(BeforeKill, time, cancellationToken).ConfigureAwait(false);
                context.ReportProgress(0.2);
                faultAt = time.GetUtcNow();
                await Task.WhenAll(victims.Select(v => context.Cluster.ExecuteAsync(v, ResourceAction.Kill, cancellationToken))).ConfigureAwait(false);
                context.ReportProgress(0.4);
                if (faultAt + AfterKill - time.GetUtcNow() is { Ticks: > 0 } rest)
                {
                    await Task.Delay(rest, time, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await load.ConfigureAwait(false);
            }
        }

        context.ReportProgress(0.6);
        // Started at once, not one after another as RestoreAsync would: four nodes starting take as long as one.
        await Task.WhenAll(victims.Select(v => context.Cluster.ExecuteAsync(v, ResourceAction.Start, cancellationToken))).ConfigureAwait(false);
        context.ReportProgress(0.8);
        await context.RestoreAsync(cancellationToken).ConfigureAwait(false);

        return users.ByStrategy.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var samples = pair.Value.SelectMany(u => u.Samples).Where(s => s.At >= loadStart).ToList();
                return StrategyResult.From(samples, pair.Value.Count(u => u.LostSession)) with
                {
                    RecoverySeconds = LastErrorAnsweredAfter(samples, faultAt),
                    Unauthorized = samples.Count(s => s.Status == 401),
                };
            });
    }

    /// <summary>
    /// From the kill until the last error was answered; 0 when it caused none. By answer, not by send as the scheduled
    /// scenarios count: here most errors are requests sent before the kill, the ones the node held when it died.
    /// </summary>
    private static double LastErrorAnsweredAfter(IEnumerable<RequestSample> samples, DateTimeOffset faultAt)
    {
        var last = samples
            .Where(s => s.Error)
            .Select(s => s.At + TimeSpan.FromMilliseconds(s.LatencyMs))
            .Where(answered => answered >= faultAt)
            .DefaultIfEmpty(faultAt)
            .Max();
        return Math.Round((last - faultAt).TotalSeconds, 2);
    }

    /// <summary>
    /// Requests back to back until <paramref name="stop"/>. The request in flight when it fires is answered and counted
    /// (only <paramref name="cancellationToken"/>, the whole run's, abandons it). A user who gets a 401 goes on asking
    /// without logging in again: a login's password hash would crowd out the very load being measured.
    /// </summary>
    private static async Task LoadAsync(VirtualUser user, CancellationToken stop, CancellationToken cancellationToken)
    {
        while (!stop.IsCancellationRequested)
        {
            await user.WhoAmIAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
