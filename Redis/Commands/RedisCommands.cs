using System.Globalization;

namespace ClusterSessions.Redis.Commands;

/// <summary>
/// Builders for the commands the project uses. The typed extension methods send them one at a time;
/// <see cref="IRedisClient.ExecuteTransactionAsync"/> takes several of them for an atomic MULTI/EXEC.
/// </summary>
public static class RedisCommands
{
    public static RedisCommand Get(string key) => new("GET", key);

    /// <summary>SET with an optional PX expiry (rounded up to whole milliseconds) and NX/XX condition.</summary>
    public static RedisCommand Set(string key, RedisArgument value, TimeSpan? expiry = null, SetCondition condition = SetCondition.Always)
    {
        List<RedisArgument> arguments = [key, value];
        if (expiry is { } ttl)
        {
            arguments.Add("PX");
            arguments.Add(ToMilliseconds(ttl, nameof(expiry)));
        }

        switch (condition)
        {
            case SetCondition.IfNotExists:
                arguments.Add("NX");
                break;
            case SetCondition.IfExists:
                arguments.Add("XX");
                break;
            case SetCondition.Always:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown SET condition.");
        }

        return new("SET", [.. arguments]);
    }

    public static RedisCommand Del(params IEnumerable<string> keys) => WithKeys("DEL", keys);

    public static RedisCommand Exists(params IEnumerable<string> keys) => WithKeys("EXISTS", keys);

    public static RedisCommand PExpire(string key, TimeSpan ttl) => new("PEXPIRE", key, ToMilliseconds(ttl, nameof(ttl)));

    public static RedisCommand PTtl(string key) => new("PTTL", key);

    public static RedisCommand Incr(string key) => new("INCR", key);

    public static RedisCommand IncrBy(string key, long increment) => new("INCRBY", key, increment);

    public static RedisCommand RPush(string key, params IEnumerable<RedisArgument> values) => WithValues("RPUSH", key, values);

    public static RedisCommand LRange(string key, long start, long stop) => new("LRANGE", key, start, stop);

    public static RedisCommand LLen(string key) => new("LLEN", key);

    public static RedisCommand SAdd(string key, params IEnumerable<RedisArgument> members) => WithValues("SADD", key, members);

    public static RedisCommand SRem(string key, params IEnumerable<RedisArgument> members) => WithValues("SREM", key, members);

    public static RedisCommand SMembers(string key) => new("SMEMBERS", key);

    public static RedisCommand SCard(string key) => new("SCARD", key);

    public static RedisCommand HSet(string key, params IEnumerable<KeyValuePair<string, RedisArgument>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        List<RedisArgument> arguments = [key];
        foreach (var (field, value) in fields)
        {
            arguments.Add(field);
            arguments.Add(value);
        }

        return arguments.Count > 1
            ? new("HSET", [.. arguments])
            : throw new ArgumentException("HSET needs at least one field.", nameof(fields));
    }

    public static RedisCommand HGet(string key, string field) => new("HGET", key, field);

    public static RedisCommand HMGet(string key, params IEnumerable<string> fields) =>
        WithValues("HMGET", key, fields.Select(f => (RedisArgument)f));

    public static RedisCommand HGetAll(string key) => new("HGETALL", key);

    public static RedisCommand HDel(string key, params IEnumerable<string> fields) =>
        WithValues("HDEL", key, fields.Select(f => (RedisArgument)f));

    public static RedisCommand Ping() => new("PING");

    public static RedisCommand Info(string? section = null) => section is null ? new("INFO") : new("INFO", section);

    public static RedisCommand FlushDb() => new("FLUSHDB");

    public static RedisCommand DbSize() => new("DBSIZE");

    /// <summary>One SCAN step; the cursor is the server's opaque text ("0" to start).</summary>
    public static RedisCommand Scan(string cursor, string? match = null, int? count = null)
    {
        List<RedisArgument> arguments = [cursor];
        if (match is not null)
        {
            arguments.Add("MATCH");
            arguments.Add(match);
        }

        if (count is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(count));
            arguments.Add("COUNT");
            arguments.Add(n);
        }

        return new("SCAN", [.. arguments]);
    }

    // AUTH and SELECT are connection state: the client sends them on every (re)connect from its options.
    // Exposing them to callers of a shared, multiplexed connection would switch the database under other
    // callers' feet and silently revert after a reconnect.
    internal static RedisCommand Auth(string? user, string password) =>
        user is null ? new("AUTH", password) : new("AUTH", user, password);

    internal static RedisCommand Select(int database) => new("SELECT", database);

    private static long ToMilliseconds(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
        return (long)Math.Ceiling(value.TotalMilliseconds);
    }

    private static RedisCommand WithKeys(string name, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        RedisArgument[] arguments = [.. keys.Select(k => (RedisArgument)k)];
        return arguments.Length > 0
            ? new(name, arguments)
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} needs at least one key."), nameof(keys));
    }

    private static RedisCommand WithValues(string name, string key, IEnumerable<RedisArgument> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        List<RedisArgument> arguments = [key, .. values];
        return arguments.Count > 1
            ? new(name, [.. arguments])
            : throw new ArgumentException($"{name} needs at least one value.", nameof(values));
    }
}
