using System.Globalization;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.AppHost.Redis.Provisioning;
using StackExchange.Redis;

namespace ClusterSessions.AppHost.Compare.Cost;

/// <summary>
/// Reads what one pool's traffic costs: the CPU time of the pool's node processes, of the gateway and of the Redis
/// server (by pid, from the operating system), and Redis's per-command call counts (<c>INFO commandstats</c>).
/// </summary>
internal sealed class CostMeter : IAsyncDisposable
{
    private readonly int[] _nodes;
    private readonly int[] _gateway;
    private readonly int[] _redis;
    private readonly ConnectionMultiplexer? _connection;
    private readonly TimeProvider _timeProvider;

    private CostMeter(int[] nodes, int[] gateway, int[] redis, ConnectionMultiplexer? connection, TimeProvider timeProvider)
    {
        _nodes = nodes;
        _gateway = gateway;
        _redis = redis;
        _connection = connection;
        _timeProvider = timeProvider;
    }

    /// <summary>For <paramref name="strategy"/>'s pool as it runs now (its members' pids are read once, here).</summary>
    public static async Task<CostMeter> OpenAsync(ClusterControl cluster, string strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var members = cluster.Pools.Single(p => p.Strategy == strategy).Members.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var resources = cluster.Resources;
        int[] PidsOf(Func<ResourceView, bool> which) => [.. resources.Where(which).Select(r => r.Pid).OfType<int>()];

        ConnectionMultiplexer? connection = null;
        if (cluster.Model.Store?.ConnectionString is { } connectionString)
        {
            var options = ProvisioningConnection.Options(connectionString);
            // INFO is an admin command to StackExchange.Redis; this connection sends nothing else.
            options.AllowAdmin = true;
            connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new CostMeter(
            PidsOf(r => r.Kind == "node" && members.Contains(r.Name)),
            PidsOf(r => r.Kind == "gateway"),
            PidsOf(r => r.Kind == "redis"),
            connection,
            cluster.TimeProvider);
    }

    public async Task<CostReading> ReadAsync(CancellationToken cancellationToken)
    {
        var calls = await ReadRedisCallsAsync(cancellationToken).ConfigureAwait(false);
        return new CostReading(_timeProvider.GetUtcNow(), ProcessCpu.Used(_nodes), ProcessCpu.Used(_gateway), ProcessCpu.Used(_redis), calls);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyDictionary<string, long>?> ReadRedisCallsAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            return null;
        }

        try
        {
            var server = _connection.GetServers().FirstOrDefault();
            if (server is null)
            {
                return null;
            }

            var info = await server.InfoAsync("commandstats").WaitAsync(cancellationToken).ConfigureAwait(false);
            var calls = Parse(info.SelectMany(section => section));
            return calls.Count > 0 ? calls : null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is down or too slow to answer (a scenario's fault, or the user's): the figure is missing, not zero.
            return null;
        }
    }

    /// <summary><c>cmdstat_get</c> = <c>calls=12,usec=…</c> → get: 12. This meter's own INFO calls are left out.</summary>
    internal static Dictionary<string, long> Parse(IEnumerable<KeyValuePair<string, string>> commandStats)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in commandStats)
        {
            if (!key.StartsWith("cmdstat_", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var command = key["cmdstat_".Length..].ToLowerInvariant();
            var field = value.Split(',').Select(f => f.Split('=', 2)).FirstOrDefault(f => f.Length == 2 && f[0] == "calls");
            if (command != "info" && field is not null && long.TryParse(field[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                calls[command] = count;
            }
        }

        return calls;
    }
}
