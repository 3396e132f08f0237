namespace ClusterSessions.Redis.Commands;

public static class RedisSetCommandExtensions
{
    /// <summary>SADD; returns how many members were new.</summary>
    public static Task<long> SAddAsync(this IRedisClient client, string key, RedisArgument member, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.SAdd(key, member), cancellationToken);

    public static Task<long> SAddAsync(this IRedisClient client, string key, IEnumerable<string> members, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.SAdd(key, members.Select(m => (RedisArgument)m)), cancellationToken);

    /// <summary>SREM; returns how many members were removed.</summary>
    public static Task<long> SRemAsync(this IRedisClient client, string key, RedisArgument member, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.SRem(key, member), cancellationToken);

    public static Task<long> SRemAsync(this IRedisClient client, string key, IEnumerable<string> members, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.SRem(key, members.Select(m => (RedisArgument)m)), cancellationToken);

    /// <summary>SMEMBERS as UTF-8 strings, in the server's (unspecified) order.</summary>
    public static async Task<IReadOnlyList<string>> SMembersAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.SMembers(key), cancellationToken).ConfigureAwait(false);
        return [.. reply.Elements.Select(e => e.AsString()!)];
    }

    public static Task<long> SCardAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.SCard(key), cancellationToken);
}
