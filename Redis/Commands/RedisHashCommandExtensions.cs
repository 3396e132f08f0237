namespace ClusterSessions.Redis.Commands;

public static class RedisHashCommandExtensions
{
    /// <summary>HSET of one field; returns 1 when the field is new, 0 when it was overwritten.</summary>
    public static Task<long> HSetAsync(this IRedisClient client, string key, string field, RedisArgument value, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.HSet(key, new KeyValuePair<string, RedisArgument>(field, value)), cancellationToken);

    public static Task<long> HSetAsync(this IRedisClient client, string key, IEnumerable<KeyValuePair<string, RedisArgument>> fields, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.HSet(key, fields), cancellationToken);

    public static async Task<byte[]?> HGetAsync(this IRedisClient client, string key, string field, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.HGet(key, field), cancellationToken).ConfigureAwait(false);
        return reply.AsBytes();
    }

    public static async Task<string?> HGetStringAsync(this IRedisClient client, string key, string field, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.HGet(key, field), cancellationToken).ConfigureAwait(false);
        return reply.AsString();
    }

    /// <summary>HMGET; one reply per field, <see cref="RedisValue.IsNull"/> where the field is missing.</summary>
    public static async Task<IReadOnlyList<RedisValue>> HMGetAsync(this IRedisClient client, string key, IEnumerable<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.HMGet(key, fields), cancellationToken).ConfigureAwait(false);
        return reply.Elements;
    }

    public static async Task<IReadOnlyDictionary<string, byte[]>> HGetAllAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.HGetAll(key), cancellationToken).ConfigureAwait(false);
        var elements = reply.Elements;
        if (elements.Count % 2 != 0)
        {
            throw new RedisException($"HGETALL returned an odd number of elements ({elements.Count}).");
        }

        var fields = new Dictionary<string, byte[]>(elements.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i += 2)
        {
            fields[elements[i].AsString()!] = elements[i + 1].AsBytes()!;
        }

        return fields;
    }

    public static Task<long> HDelAsync(this IRedisClient client, string key, string field, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.HDel(key, field), cancellationToken);
}
