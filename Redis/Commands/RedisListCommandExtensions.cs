namespace ClusterSessions.Redis.Commands;

public static class RedisListCommandExtensions
{
    /// <summary>RPUSH; returns the length of the list after the push.</summary>
    public static Task<long> RPushAsync(this IRedisClient client, string key, RedisArgument value, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.RPush(key, value), cancellationToken);

    public static Task<long> RPushAsync(this IRedisClient client, string key, IEnumerable<string> values, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.RPush(key, values.Select(v => (RedisArgument)v)), cancellationToken);

    /// <summary>LRANGE as UTF-8 strings; indexes as in Redis (0, -1 is the whole list).</summary>
    public static async Task<IReadOnlyList<string>> LRangeAsync(this IRedisClient client, string key, long start, long stop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.LRange(key, start, stop), cancellationToken).ConfigureAwait(false);
        return [.. reply.Elements.Select(e => e.AsString()!)];
    }

    public static Task<long> LLenAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.LLen(key), cancellationToken);
}
