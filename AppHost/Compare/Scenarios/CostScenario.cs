using ClusterSessions.AppHost.Compare.Cost;
using ClusterSessions.AppHost.Jwt;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Compare.Scenarios;

/// <summary>
/// What a request costs each strategy. The pools share one gateway and one Redis and the other scenarios run them at
/// once, so here one pool at a time gets a fixed load (<see cref="Users"/> users back to back, the usual mix) for
/// <see cref="CompareOptions.CostLoad"/>, and the CPU time of that pool's nodes, of the gateway and of Redis, and
/// Redis's command counts, are read before and after. The same parts are read over an idle half of that just before
/// and just after, and the quieter of the two idle rates is taken off: what is left is the traffic's own cost, per
/// request. The jwt pool runs twice, its nodes restarted in between with the validated-token cache switched
/// (<c>Jwt:TokenCache:Enabled</c>), so that trade-off is measured too.
/// </summary>
internal sealed class CostScenario : IScenario
{
    public const string ScenarioName = "cost";

    /// <summary>Result key of the jwt pool with the token cache on, when the cluster runs it off (the default).</summary>
    public const string JwtCached = "jwt+cache";

    /// <summary>Result key of the jwt pool with the token cache off, when the cluster runs it on.</summary>
    public const string JwtUncached = "jwt-nocache";

    public const int Users = 4;

    // Work a request leaves behind runs after its answer: tiered JIT recompiles hot methods a moment later, telemetry
    // is exported in batches, the GC catches up. The pause after the warm-up keeps that out of the idle rate; the tail
    // after the load keeps it in the load's figures (read over load + tail, minus the idle rate over the same span).
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Tail = TimeSpan.FromSeconds(2);

    public string Name => ScenarioName;

    public string Description =>
        $"one pool at a time, {Users} users back to back for a few seconds (config.costSeconds; the usual mix): CPU µs per request of the " +
        "pool's nodes, the gateway and Redis, and Redis commands per request, each minus the same parts' idle rate (the quieter of before and after); " +
        "jwt once more with its nodes restarted under the other Jwt:TokenCache setting";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, StrategyResult>(StringComparer.Ordinal);
        var jwtPool = context.Strategies.Contains("jwt") ? context.Cluster.Pools.FirstOrDefault(p => p.Strategy == "jwt") : null;
        var runs = context.Strategies.Count + (jwtPool is null ? 0 : 1);
        foreach (var strategy in context.Strategies.Where(s => jwtPool is null || s != "jwt"))
        {
            results[strategy] = await MeasureAsync(context, strategy, restarted: false, cancellationToken).ConfigureAwait(false);
            context.ReportProgress((double)results.Count / runs);
        }

        if (jwtPool is not null)
        {
            // Both jwt runs are on freshly restarted nodes with the same warm-up: the other token-cache setting first,
            // then the configured one, which also leaves the pool as configured.
            var cachedNow = context.Cluster.Options.JwtTokenCache;
            StrategyResult other;
            await RestartAsync(context, jwtPool, !cachedNow, cancellationToken).ConfigureAwait(false);
            try
            {
                other = await MeasureAsync(context, "jwt", restarted: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RestartAsync(context, jwtPool, null, cancellationToken).ConfigureAwait(false);
            }

            context.ReportProgress((double)(results.Count + 1) / runs);
            results["jwt"] = await MeasureAsync(context, "jwt", restarted: true, cancellationToken).ConfigureAwait(false);
            results[cachedNow ? JwtUncached : JwtCached] = other;
        }

        return results;
    }

    private static async Task<StrategyResult> MeasureAsync(ScenarioContext context, string strategy, bool restarted, CancellationToken cancellationToken)
    {
        var time = context.TimeProvider;
        using var users = context.For([strategy]).CreateUsers(Users);
        await Task.WhenAll(users.All.Select(user => user.LoginAsync(cancellationToken))).ConfigureAwait(false);
        var load = context.Options.CostLoad;
        // Fresh processes compile their whole request path: they get three times the warm-up of nodes that have
        // served the earlier scenarios, so the comparison with them is not JIT against steady state.
        await DriveAsync(users, restarted ? load * 3 : load, time, cancellationToken).ConfigureAwait(false);
        var warmUpSamples = users.All.ToDictionary(u => u, u => u.Samples.Count);
        await Task.Delay(Settle, time, cancellationToken).ConfigureAwait(false);

        // Health checks, telemetry and timers cost CPU and Redis commands with no traffic at all: that rate comes off.
        await using var meter = await CostMeter.OpenAsync(context.Cluster, strategy, cancellationToken).ConfigureAwait(false);
        var idleStart = await meter.ReadAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(load / 2, time, cancellationToken).ConfigureAwait(false);
        var idle = CostWindow.Between(idleStart, await meter.ReadAsync(cancellationToken).ConfigureAwait(false));

        var loadStart = await meter.ReadAsync(cancellationToken).ConfigureAwait(false);
        await DriveAsync(users, load, time, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Tail, time, cancellationToken).ConfigureAwait(false);
        var loadEnd = await meter.ReadAsync(cancellationToken).ConfigureAwait(false);
        var loaded = CostWindow.Between(loadStart, loadEnd);

        // The idle rate again, after: whichever window was quieter is the background's rate. A process still busy
        // with start-up or JIT work before the load would otherwise make the load look free.
        await Task.Delay(load / 2, time, cancellationToken).ConfigureAwait(false);
        idle = CostWindow.Quieter(idle, CostWindow.Between(loadEnd, await meter.ReadAsync(cancellationToken).ConfigureAwait(false)));

        var samples = users.All.SelectMany(u => u.Samples.Skip(warmUpSamples[u])).ToList();
        var result = StrategyResult.From(samples, users.All.Count(u => u.LostSession));
        return result with
        {
            NodeCpuUsPerRequest = PerRequest(loaded.NodesCpuPerSecond, idle.NodesCpuPerSecond, loaded.Seconds, samples.Count, 1e6),
            GatewayCpuUsPerRequest = PerRequest(loaded.GatewayCpuPerSecond, idle.GatewayCpuPerSecond, loaded.Seconds, samples.Count, 1e6),
            RedisCpuUsPerRequest = PerRequest(loaded.RedisCpuPerSecond, idle.RedisCpuPerSecond, loaded.Seconds, samples.Count, 1e6),
            RedisCommandsPerRequest = loaded.RedisCallsPerSecond is { } calls
                ? PerRequest(calls.Values.Sum(), idle.RedisCallsPerSecond?.Values.Sum() ?? 0, loaded.Seconds, samples.Count, 1)
                : null,
            RedisCommands = loaded.RedisCallsPerSecond?
                .Select(c => (c.Key, Value: PerRequest(c.Value, idle.RedisCallsPerSecond?.GetValueOrDefault(c.Key) ?? 0, loaded.Seconds, samples.Count, 1) ?? 0))
                .Where(c => c.Value >= 0.005)
                .OrderByDescending(c => c.Value)
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>Every user sends the usual mix back to back for <paramref name="duration"/>.</summary>
    private static Task DriveAsync(VirtualUserGroup users, TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + duration;
        return Task.WhenAll(users.All.Select((user, index) => Task.Run(async () =>
        {
            // A re-login hashes a password: local's 401s would then cost a login each, which is not a request's cost.
            var random = new Random((index * 7919) + 17);
            while (time.GetUtcNow() < until)
            {
                await user.StepAsync(random, cancellationToken, logInAgain: false).ConfigureAwait(false);
            }
        }, cancellationToken)));
    }

    /// <summary>(loaded rate − idle rate) × seconds ÷ requests, in <paramref name="unit"/>s; never below zero.</summary>
    internal static double? PerRequest(double? loadedPerSecond, double? idlePerSecond, double seconds, int requests, double unit) =>
        loadedPerSecond is { } loaded && idlePerSecond is { } idle && requests > 0
            ? Math.Round(Math.Max(0, (loaded - idle) * seconds / requests * unit), unit > 1 ? 1 : 2)
            : null;

    /// <summary>Restarts the pool's nodes with <c>Jwt__TokenCache__Enabled</c> = <paramref name="tokenCache"/> (null: as configured).</summary>
    private static async Task RestartAsync(ScenarioContext context, NodePool pool, bool? tokenCache, CancellationToken cancellationToken)
    {
        pool.Override(JwtNodePoolExtensions.TokenCacheVariable, tokenCache switch { null => null, true => "true", false => "false" });
        await Task.WhenAll(pool.Members.Select(node => context.Cluster.ExecuteAsync(node.Name, ResourceAction.Restart, cancellationToken))).ConfigureAwait(false);
        await context.WaitUntilGatewaySeesEveryNodeHealthyAsync(cancellationToken).ConfigureAwait(false);
    }
}
