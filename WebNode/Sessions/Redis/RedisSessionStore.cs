using System.Text.Json;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;
using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Redis;

/// <summary>
/// Sessions in Redis, shared by every node: <c>cs:session:{id}</c> holds the record as JSON with a sliding TTL,
/// and <c>cs:user-sessions:{user}</c> indexes a user's session ids for logout-everywhere. The index carries the
/// same TTL, refreshed on every write, so it never outlives the sessions it points to by more than one idle period.
/// Every Redis failure becomes <see cref="SessionStoreUnavailableException"/>: a 503, never a silent new session.
/// </summary>
internal sealed partial class RedisSessionStore(
    IRedisClient redis,
    IOptions<SessionStrategyOptions> options,
    ILogger<RedisSessionStore> logger) : ISessionStore
{
    private readonly TimeSpan _idleTimeout = options.Value.IdleTimeout;

    public string Scope => "cluster";

    public async Task<SessionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var key = SessionKey(id);
        // Both commands go out back to back on the multiplexed connection: one round trip.
        var get = Run(() => redis.GetAsync(key, cancellationToken));
        var slide = Run(() => redis.PExpireAsync(key, _idleTimeout, cancellationToken));
        await Task.WhenAll(get, slide).ConfigureAwait(false);
        var json = await get.ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, WebNodeJsonContext.Default.SessionRecord);
        }
        catch (JsonException exception)
        {
            // Not ours to interpret (another version's record, or tampering): start over rather than 500.
            UnreadableRecord(logger, exception.Message);
            return null;
        }
    }

    public async Task SetAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, WebNodeJsonContext.Default.SessionRecord);
        List<RedisCommand> commands = [RedisCommands.Set(SessionKey(record.Id), json, _idleTimeout)];
        if (record.User is { } user)
        {
            commands.Add(RedisCommands.SAdd(UserKey(user), record.Id));
            commands.Add(RedisCommands.PExpire(UserKey(user), _idleTimeout));
        }

        await Run(() => redis.ExecuteTransactionAsync(commands, cancellationToken)).ConfigureAwait(false);
    }

    public async Task RemoveAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        List<RedisCommand> commands = [RedisCommands.Del(SessionKey(record.Id))];
        if (record.User is { } user)
        {
            commands.Add(RedisCommands.SRem(UserKey(user), record.Id));
        }

        await Run(() => redis.ExecuteTransactionAsync(commands, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> RemoveAllForUserAsync(string user, CancellationToken cancellationToken)
    {
        var ids = await Run(() => redis.SMembersAsync(UserKey(user), cancellationToken)).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return 0;
        }

        var replies = await Run(() => redis.ExecuteTransactionAsync(
            [RedisCommands.Del(ids.Select(SessionKey)), RedisCommands.Del(UserKey(user))],
            cancellationToken)).ConfigureAwait(false);
        // DEL counts only sessions that still existed: expired ids in the index are not counted as ended.
        return (int)replies[0].AsInt64();
    }

    private static string SessionKey(string id) => $"cs:session:{id}";

    private static string UserKey(string user) => $"cs:user-sessions:{user}";

    private async Task<T> Run<T>(Func<Task<T>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            throw new SessionStoreUnavailableException(exception.Message, exception);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "A session record in Redis could not be read ({Reason}); treating it as absent.")]
    private static partial void UnreadableRecord(ILogger logger, string reason);
}
