using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The deny-list in Redis: <c>cs:jwt:revoked:{jti}</c> until the token's own expiry, and <c>cs:jwt:not-before:{user}</c>
/// (unix seconds) for logout-all, kept for one token lifetime. Entries expire with the tokens they cancel, so the
/// list never grows beyond the tokens still alive.
/// </summary>
internal sealed partial class RedisRevocationList(
    IConnectionMultiplexer redis,
    IOptions<JwtOptions> options,
    TimeProvider timeProvider,
    ILogger<RedisRevocationList> logger) : IRevocationList
{
    private readonly bool _failOpen = options.Value.RevocationStoreDown == RevocationStoreDown.FailOpen;
    private readonly TimeSpan _clockSkew = options.Value.ClockSkew;
    private readonly TimeSpan _userEntryLifetime = options.Value.AccessTokenLifetime + options.Value.ClockSkew;

    public bool Revokes => true;

    public Task<bool> IsRevokedAsync(string tokenId, string user, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        ReadAsync(async database =>
        {
            // Both go out back to back on the multiplexed connection: one round trip.
            var revoked = database.KeyExistsAsync(RevokedKey(tokenId));
            var notBefore = database.StringGetAsync(NotBeforeKey(user));
            await Task.WhenAll(revoked, notBefore).ConfigureAwait(false);
            return await revoked.ConfigureAwait(false)
                || ((long?)await notBefore.ConfigureAwait(false) is { } seconds && issuedAt.ToUnixTimeSeconds() < seconds);
        }, whenFailingOpen: false);

    public async Task RevokeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var ttl = expires - timeProvider.GetUtcNow() + _clockSkew;
        if (ttl > TimeSpan.Zero)
        {
            await RunAsync(() => redis.GetDatabase().StringSetAsync(RevokedKey(tokenId), "1", ttl)).ConfigureAwait(false);
        }
    }

    public Task RevokeAllAsync(string user, CancellationToken cancellationToken)
    {
        // Tokens carry whole seconds; one second ahead also revokes a token issued earlier in this same second.
        var notBefore = (timeProvider.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);
        return RunAsync(() => redis.GetDatabase().StringSetAsync(NotBeforeKey(user), notBefore, _userEntryLifetime));
    }

    public Task<DateTimeOffset?> GetNotBeforeAsync(string user, CancellationToken cancellationToken) =>
        ReadAsync<DateTimeOffset?>(async database =>
            (long?)await database.StringGetAsync(NotBeforeKey(user)).ConfigureAwait(false) is { } seconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null, whenFailingOpen: null);

    /// <summary>A read of the deny-list: with FailOpen a store error gives <paramref name="whenFailingOpen"/> and a warning, else a 503.</summary>
    private async Task<T> ReadAsync<T>(Func<IDatabase, Task<T>> read, T whenFailingOpen)
    {
        try
        {
            return await read(redis.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception exception) when (StoreFailures.IsStoreFailure(exception) && _failOpen)
        {
            FailingOpen(logger, StoreFailures.Describe(exception));
            return whenFailingOpen;
        }
        catch (Exception exception) when (StoreFailures.IsStoreFailure(exception))
        {
            throw Unavailable(exception);
        }
    }

    private static RedisKey RevokedKey(string tokenId) => $"cs:jwt:revoked:{tokenId}";

    private static RedisKey NotBeforeKey(string user) => $"cs:jwt:not-before:{user}";

    private static async Task RunAsync(Func<Task> command)
    {
        try
        {
            await command().ConfigureAwait(false);
        }
        catch (Exception exception) when (StoreFailures.IsStoreFailure(exception))
        {
            // A logout that cannot be recorded must not look like it worked.
            throw Unavailable(exception);
        }
    }

    private static SessionStoreUnavailableException Unavailable(Exception exception) =>
        new($"the token deny-list is unavailable: {StoreFailures.Describe(exception)}", exception);

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Deny-list unavailable, accepting the token anyway (Jwt:RevocationStoreDown=FailOpen): {Reason}")]
    private static partial void FailingOpen(ILogger logger, string reason);
}
