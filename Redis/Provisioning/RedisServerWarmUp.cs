using ClusterSessions.Redis.Commands;

namespace ClusterSessions.Redis.Provisioning;

/// <summary>
/// Runs each command family the project uses once against a freshly started server, with a generous timeout.
/// Garnet is a .NET program: the first use of a command path is JIT-compiled, and on a busy two-core machine
/// the first MULTI/EXEC took over a second (about 260 ms when idle), longer than the clients' 1 s command
/// timeout. Warming up right after the ready line keeps that cost away from the first real request.
/// Harmless (a few milliseconds) on redis-server.
/// </summary>
public static class RedisServerWarmUp
{
    public static async Task RunAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var client = new RedisClient(ProvisioningConnection.Options(connectionString));
        var key = $"__warmup:{Guid.NewGuid():N}";
        await client.SetAsync(key, "1", TimeSpan.FromMinutes(1), cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.GetAsync(key, cancellationToken).ConfigureAwait(false);
        await client.IncrAsync(key + ":n", cancellationToken).ConfigureAwait(false);
        await client.PTtlAsync(key, cancellationToken).ConfigureAwait(false);
        await client.ExistsAsync(key, cancellationToken).ConfigureAwait(false);
        await client.ExecuteTransactionAsync(
        [
            RedisCommands.Del(key + ":h"),
            RedisCommands.HSet(key + ":h", new KeyValuePair<string, RedisArgument>("f", "v")),
            RedisCommands.SAdd(key + ":s", "m"),
            RedisCommands.RPush(key + ":l", "x"),
            RedisCommands.PExpire(key + ":h", TimeSpan.FromMinutes(1)),
        ], cancellationToken).ConfigureAwait(false);
        await client.HMGetAsync(key + ":h", ["f"], cancellationToken).ConfigureAwait(false);
        await client.HGetAllAsync(key + ":h", cancellationToken).ConfigureAwait(false);
        await client.SMembersAsync(key + ":s", cancellationToken).ConfigureAwait(false);
        await client.SRemAsync(key + ":s", "m", cancellationToken).ConfigureAwait(false);
        await client.LRangeAsync(key + ":l", 0, -1, cancellationToken).ConfigureAwait(false);
        await foreach (var _ in client.ScanAsync(key + "*", 10, cancellationToken).ConfigureAwait(false))
        {
        }

        await client.DelAsync([key, key + ":n", key + ":h", key + ":s", key + ":l"], cancellationToken).ConfigureAwait(false);
    }
}
