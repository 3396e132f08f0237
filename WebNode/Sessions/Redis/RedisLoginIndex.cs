using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClusterSessions.WebNode.Sessions.Redis;

/// <summary>
/// <c>cs:user-logins:{user}</c>: a Redis set of the user's login-ticket keys, so logout-all reaches every node's
/// logins. The set's TTL is refreshed at every login, so it never outlives the logins it lists by more than one idle period.
/// </summary>
internal sealed class RedisLoginIndex(IConnectionMultiplexer redis, IOptions<SessionStrategyOptions> options) : ILoginIndex
{
    private readonly TimeSpan _idleTimeout = options.Value.IdleTimeout;

    public string Scope => "cluster";

    public async Task AddAsync(string user, string ticketKey, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var key = IndexKey(user);
        // Sent back to back on the multiplexed connection: one round trip.
        await Task.WhenAll(database.SetAddAsync(key, ticketKey), database.KeyExpireAsync(key, _idleTimeout)).ConfigureAwait(false);
    }

    public async Task<int> EndAllAsync(string user, CancellationToken cancellationToken)
    {
        try
        {
            var database = redis.GetDatabase();
            var ticketKeys = await database.SetMembersAsync(IndexKey(user)).ConfigureAwait(false);
            if (ticketKeys.Length == 0)
            {
                return 0;
            }

            // The tickets live under the cache's instance name; DEL counts only those that still existed.
            var ended = await database.KeyDeleteAsync([.. ticketKeys.Select(k => (RedisKey)(RedisSessionServiceCollectionExtensions.KeyPrefix + k))]).ConfigureAwait(false);
            await database.KeyDeleteAsync(IndexKey(user)).ConfigureAwait(false);
            return (int)ended;
        }
        catch (Exception exception) when (StoreFailures.IsStoreFailure(exception))
        {
            // A "log out everywhere" that did not happen must not look like it did, whatever Session:StoreDown says.
            throw new SessionStoreUnavailableException(StoreFailures.Describe(exception), exception);
        }
    }

    private static RedisKey IndexKey(string user) => $"{RedisSessionServiceCollectionExtensions.KeyPrefix}user-logins:{user}";
}
