using System.Runtime.CompilerServices;

namespace ClusterSessions.Redis.Commands;

public static class RedisKeyCommandExtensions
{
    /// <summary>DEL; returns how many keys existed.</summary>
    public static Task<long> DelAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        IntegerAsync(client, RedisCommands.Del(key), cancellationToken);

    public static Task<long> DelAsync(this IRedisClient client, IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        IntegerAsync(client, RedisCommands.Del(keys), cancellationToken);

    public static async Task<bool> ExistsAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        await IntegerAsync(client, RedisCommands.Exists(key), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>EXISTS over several keys; a key named twice counts twice, as in Redis.</summary>
    public static Task<long> ExistsAsync(this IRedisClient client, IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        IntegerAsync(client, RedisCommands.Exists(keys), cancellationToken);

    /// <summary>PEXPIRE; returns <see langword="false"/> when the key does not exist.</summary>
    public static async Task<bool> PExpireAsync(this IRedisClient client, string key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        await IntegerAsync(client, RedisCommands.PExpire(key, ttl), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>PTTL in milliseconds, with Redis' sentinels: -1 when the key has no expiry, -2 when it does not exist.</summary>
    public static Task<long> PTtlAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        IntegerAsync(client, RedisCommands.PTtl(key), cancellationToken);

    /// <summary>
    /// Enumerates keys with SCAN, cursor by cursor. As with SCAN itself, a key may be returned more than once,
    /// and keys added or removed during the scan may or may not appear.
    /// </summary>
    public static async IAsyncEnumerable<string> ScanAsync(
        this IRedisClient client,
        string? match = null,
        int? count = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cursor = "0";
        do
        {
            var reply = await client.ExecuteAsync(RedisCommands.Scan(cursor, match, count), cancellationToken).ConfigureAwait(false);
            var parts = reply.Elements;
            if (parts.Count != 2)
            {
                throw new RedisException($"SCAN returned {parts.Count} elements instead of a cursor and a key list.");
            }

            cursor = parts[0].AsString() ?? throw new RedisException("SCAN returned a null cursor.");
            foreach (var key in parts[1].Elements)
            {
                yield return key.AsString()!;
            }
        }
        while (cursor != "0");
    }

    internal static async Task<long> IntegerAsync(IRedisClient client, RedisCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        return reply.AsInt64();
    }
}
