using StackExchange.Redis;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>
/// Runs each command family the nodes use once against a freshly started server, with a generous timeout.
/// Garnet is a .NET program: the first use of a command path is JIT-compiled, and on a busy two-core machine
/// the first MULTI/EXEC took over a second (about 260 ms when idle), longer than the clients' 1 s command
/// timeout. Warming up right after the ready line keeps that cost away from the first real request.
/// Harmless (a few milliseconds) on redis-server.
/// </summary>
internal static class RedisServerWarmUp
{
    public static async Task RunAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ProvisioningConnection.Options(connectionString)).ConfigureAwait(false);
        var database = connection.GetDatabase();
        var key = $"__warmup:{Guid.NewGuid():N}";
        RedisKey hash = key + ":h", set = key + ":s", list = key + ":l", counter = key + ":n";
        var expiry = TimeSpan.FromMinutes(1);

        // Session store (Microsoft.Extensions.Caching.StackExchangeRedis): HSET, HMGET, HGETALL, EXPIRE.
        await database.HashSetAsync(hash, [new HashEntry("absexp", -1), new HashEntry("data", "x")]).ConfigureAwait(false);
        await database.HashGetAsync(hash, ["absexp", "data"]).ConfigureAwait(false);
        await database.HashGetAllAsync(hash).ConfigureAwait(false);
        await database.KeyExpireAsync(hash, expiry).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Deny-list and counters: SET with expiry, GET, INCR, EXISTS.
        await database.StringSetAsync(key, "1", expiry).ConfigureAwait(false);
        await database.StringGetAsync(key).ConfigureAwait(false);
        await database.StringIncrementAsync(counter).ConfigureAwait(false);
        await database.KeyExistsAsync(key).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Per-user session index and the Data Protection key ring: sets and lists.
        await database.SetAddAsync(set, "m").ConfigureAwait(false);
        await database.SetMembersAsync(set).ConfigureAwait(false);
        await database.SetRemoveAsync(set, "m").ConfigureAwait(false);
        await database.ListRightPushAsync(list, "x").ConfigureAwait(false);
        await database.ListRangeAsync(list).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // MULTI/EXEC: the slowest path to compile, and the one a logout-all takes.
        var transaction = database.CreateTransaction();
        _ = transaction.KeyDeleteAsync(hash);
        _ = transaction.HashSetAsync(hash, "f", "v");
        _ = transaction.SetAddAsync(set, "m");
        _ = transaction.KeyExpireAsync(hash, expiry);
        await transaction.ExecuteAsync().ConfigureAwait(false);

        await database.KeyDeleteAsync([key, counter, hash, set, list]).ConfigureAwait(false);
    }
}
