namespace ClusterSessions.Redis.Commands;

public static class RedisStringCommandExtensions
{
    public static async Task<byte[]?> GetAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.Get(key), cancellationToken).ConfigureAwait(false);
        return reply.AsBytes();
    }

    public static async Task<string?> GetStringAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.Get(key), cancellationToken).ConfigureAwait(false);
        return reply.AsString();
    }

    /// <summary>SET; returns <see langword="false"/> when an NX/XX condition kept the value from being set.</summary>
    public static async Task<bool> SetAsync(
        this IRedisClient client,
        string key,
        RedisArgument value,
        TimeSpan? expiry = null,
        SetCondition condition = SetCondition.Always,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.Set(key, value, expiry, condition), cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    public static async Task<long> IncrAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.Incr(key), cancellationToken).ConfigureAwait(false);
        return reply.AsInt64();
    }

    public static async Task<long> IncrByAsync(this IRedisClient client, string key, long increment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.IncrBy(key, increment), cancellationToken).ConfigureAwait(false);
        return reply.AsInt64();
    }
}
