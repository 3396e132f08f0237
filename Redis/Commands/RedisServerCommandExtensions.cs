namespace ClusterSessions.Redis.Commands;

public static class RedisServerCommandExtensions
{
    /// <summary>Any command by name, for what the typed API does not cover: <c>client.ExecuteAsync("CLIENT", "SETNAME", "web-1")</c>.</summary>
    public static Task<RedisValue> ExecuteAsync(this IRedisClient client, string command, params ReadOnlySpan<RedisArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ExecuteAsync(new RedisCommand(command, arguments));
    }

    /// <summary>PING; returns the server's answer ("PONG").</summary>
    public static async Task<string> PingAsync(this IRedisClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.Ping(), cancellationToken).ConfigureAwait(false);
        return reply.AsString() ?? throw new RedisException("PING returned nil.");
    }

    /// <summary>INFO as the server's text (sections of <c>key:value</c> lines).</summary>
    public static async Task<string> InfoAsync(this IRedisClient client, string? section = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.ExecuteAsync(RedisCommands.Info(section), cancellationToken).ConfigureAwait(false);
        return reply.AsString() ?? string.Empty;
    }

    /// <summary>FLUSHDB: deletes every key of the selected database. Meant for tests.</summary>
    public static async Task FlushDbAsync(this IRedisClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.ExecuteAsync(RedisCommands.FlushDb(), cancellationToken).ConfigureAwait(false);
    }

    public static Task<long> DbSizeAsync(this IRedisClient client, CancellationToken cancellationToken = default) =>
        RedisKeyCommandExtensions.IntegerAsync(client, RedisCommands.DbSize(), cancellationToken);
}
