using System.Globalization;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Tokens;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The deny-list in Redis: <c>cs:jwt:revoked:{jti}</c> until the token's own expiry, and
/// <c>cs:jwt:not-before:{user}</c> (unix seconds) for logout-all, kept for one token lifetime. Entries expire with
/// the tokens they cancel, so the list never grows beyond the tokens still alive.
/// </summary>
internal sealed partial class RedisRevocationList(
    IRedisClient redis,
    IOptions<JwtOptions> tokenOptions,
    IOptions<JwtSessionOptions> options,
    TimeProvider timeProvider,
    ILogger<RedisRevocationList> logger) : IRevocationList
{
    private readonly bool _failOpen = options.Value.RevocationStoreDown == JwtSessionOptions.FailOpen;
    private readonly TimeSpan _userEntryLifetime = tokenOptions.Value.AccessTokenLifetime + tokenOptions.Value.ClockSkew;

    public bool Revokes => true;

    public async Task<bool> IsRevokedAsync(string tokenId, string user, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        try
        {
            var revoked = redis.ExistsAsync(RevokedKey(tokenId), cancellationToken);
            var notBefore = redis.GetStringAsync(NotBeforeKey(user), cancellationToken);
            await Task.WhenAll(revoked, notBefore).ConfigureAwait(false);
            return await revoked.ConfigureAwait(false)
                || (long.TryParse(await notBefore.ConfigureAwait(false), CultureInfo.InvariantCulture, out var seconds)
                    && issuedAt.ToUnixTimeSeconds() < seconds);
        }
        catch (RedisException exception) when (_failOpen)
        {
            FailingOpen(logger, exception.Message);
            return false;
        }
        catch (RedisException exception)
        {
            throw new SessionStoreUnavailableException($"the token deny-list is unavailable: {exception.Message}", exception);
        }
    }

    public async Task RevokeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var ttl = expires - timeProvider.GetUtcNow() + tokenOptions.Value.ClockSkew;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        await Run(() => redis.SetAsync(RevokedKey(tokenId), "1", ttl, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task RevokeAllAsync(string user, CancellationToken cancellationToken)
    {
        // Tokens carry whole seconds; one second ahead also revokes a token issued earlier in this same second.
        var notBefore = (timeProvider.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);
        await Run(() => redis.SetAsync(NotBeforeKey(user), notBefore, _userEntryLifetime, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static string RevokedKey(string tokenId) => $"cs:jwt:revoked:{tokenId}";

    private static string NotBeforeKey(string user) => $"cs:jwt:not-before:{user}";

    private static async Task<T> Run<T>(Func<Task<T>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            // A logout that cannot be recorded must not look like it worked.
            throw new SessionStoreUnavailableException($"the token deny-list is unavailable: {exception.Message}", exception);
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Deny-list unavailable, accepting the token anyway (Jwt:RevocationStoreDown=FailOpen): {Reason}")]
    private static partial void FailingOpen(ILogger logger, string reason);
}
