using Microsoft.Extensions.Caching.Distributed;

namespace ClusterSessions.Redis.Caching;

/// <summary>
/// The expiry rules of Microsoft.Extensions.Caching.StackExchangeRedis, as pure functions of "now": the key lives
/// until the earlier of its absolute expiry and now + sliding window; each read slides that window again.
/// </summary>
internal static class CacheExpiration
{
    public const long NotPresent = -1;

    public static DateTimeOffset? GetAbsoluteExpiration(DateTimeOffset now, DistributedCacheEntryOptions options)
    {
        if (options.AbsoluteExpiration is { } absolute && absolute <= now)
        {
            throw new ArgumentOutOfRangeException(
                nameof(DistributedCacheEntryOptions.AbsoluteExpiration), absolute, "The absolute expiration value must be in the future.");
        }

        return options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : options.AbsoluteExpiration;
    }

    /// <summary>
    /// Milliseconds until the key must expire, or <see langword="null"/> when it never does. Zero or less means
    /// "already expired". Rounded up so that a sub-millisecond remainder does not expire the key early.
    /// </summary>
    public static long? GetTimeToLiveMilliseconds(DateTimeOffset now, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration)
    {
        TimeSpan? ttl = (absoluteExpiration, slidingExpiration) switch
        {
            ({ } absolute, { } sliding) => Min(absolute - now, sliding),
            ({ } absolute, null) => absolute - now,
            (null, { } sliding) => sliding,
            _ => null,
        };
        return ttl is { } value ? (long)Math.Ceiling(value.TotalMilliseconds) : null;
    }

    public static long ToStored(DateTimeOffset? absoluteExpiration) => absoluteExpiration?.UtcTicks ?? NotPresent;

    public static long ToStored(TimeSpan? slidingExpiration) => slidingExpiration?.Ticks ?? NotPresent;

    public static DateTimeOffset? AbsoluteFromStored(long ticks) => ticks == NotPresent ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    public static TimeSpan? SlidingFromStored(long ticks) => ticks == NotPresent ? null : TimeSpan.FromTicks(ticks);

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left <= right ? left : right;
}
