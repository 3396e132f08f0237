using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Compare.Scenarios;

/// <summary>
/// The same outage again, for the <c>redis</c> pool only, with its nodes restarted under <c>Session:StoreDown=Silent</c>:
/// ASP.NET Core session's stock behaviour, where a store error is logged and the session reads as empty. No error
/// reaches the user; the login and the cart just vanish for the duration, which is what <c>sessionsLost</c> counts.
/// </summary>
internal sealed class StoreOutageSilentScenario : IScenario
{
    private const string Strategy = "redis";
    public string Name => "storeOutageSilent";

    public string Description => "the storeOutage run again on the redis pool with Session:StoreDown=Silent (ASP.NET Core session's stock behaviour)";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var pool = context.Cluster.Pools.FirstOrDefault(p => p.Strategy == Strategy);
        if (pool is null || !context.Strategies.Contains(Strategy))
        {
            return [];
        }

        await RestartPoolAsync(context, pool, nameof(SessionStoreDown.Silent), cancellationToken).ConfigureAwait(false);
        await context.RestoreAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StoreOutageScenario.RunOutageAsync(context.For([Strategy]), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await context.RestoreAsync(cancellationToken).ConfigureAwait(false);
            await RestartPoolAsync(context, pool, null, cancellationToken).ConfigureAwait(false);
            await context.RestoreAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Restarts the pool's running nodes with <c>Session__StoreDown</c> = <paramref name="storeDown"/> (null: as configured).</summary>
    private static async Task RestartPoolAsync(ScenarioContext context, NodePool pool, string? storeDown, CancellationToken cancellationToken)
    {
        pool.Override(NodePoolBuilder.StoreDownVariable, storeDown);
        foreach (var node in pool.Members)
        {
            await context.Cluster.ExecuteAsync(node.Name, ResourceAction.Restart, cancellationToken).ConfigureAwait(false);
        }
    }
}
