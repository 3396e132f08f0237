using ClusterSessions.Redis.Commands;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Redis.Caching;

/// <summary>
/// <see cref="IDistributedCache"/> over <see cref="IRedisClient"/>, with the layout of
/// Microsoft.Extensions.Caching.StackExchangeRedis: a hash per entry with fields <c>absexp</c> (UTC ticks or -1),
/// <c>sldexp</c> (ticks or -1) and <c>data</c>, and a key TTL that reads slide forward.
/// No Lua: Garnet runs without it by default, so a write is a MULTI/EXEC of DEL, HSET and PEXPIRE.
/// Failures surface as <see cref="RedisException"/>; a cache that hides an outage would turn "store down" into
/// "silently logged out".
/// </summary>
public sealed class RedisCache : IDistributedCache
{
    private const string AbsoluteExpirationField = "absexp";
    private const string SlidingExpirationField = "sldexp";
    private const string DataField = "data";

    private static readonly string[] AllFields = [AbsoluteExpirationField, SlidingExpirationField, DataField];
    private static readonly string[] ExpirationFields = [AbsoluteExpirationField, SlidingExpirationField];

    private readonly IRedisClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly string _prefix;

    public RedisCache(IRedisClient client, IOptions<RedisCacheOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _client = client;
        _timeProvider = timeProvider;
        _prefix = options.Value.InstanceName ?? string.Empty;
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fullKey = _prefix + key;
        var values = await _client.HMGetAsync(fullKey, AllFields, token).ConfigureAwait(false);
        if (values.Count != 3 || values[2].IsNull)
        {
            return null;
        }

        await SlideAsync(fullKey, values[0], values[1], token).ConfigureAwait(false);
        return values[2].AsBytes();
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = _timeProvider.GetUtcNow();
        var absolute = CacheExpiration.GetAbsoluteExpiration(now, options);
        var ttl = CacheExpiration.GetTimeToLiveMilliseconds(now, absolute, options.SlidingExpiration);
        var fullKey = _prefix + key;

        // DEL first: HSET alone would keep the TTL of an entry being replaced by one without expiry.
        List<RedisCommand> commands =
        [
            RedisCommands.Del(fullKey),
            RedisCommands.HSet(fullKey, [
                new(AbsoluteExpirationField, CacheExpiration.ToStored(absolute)),
                new(SlidingExpirationField, CacheExpiration.ToStored(options.SlidingExpiration)),
                new(DataField, value)]),
        ];
        if (ttl is { } milliseconds)
        {
            commands.Add(RedisCommands.PExpire(fullKey, TimeSpan.FromMilliseconds(Math.Max(1, milliseconds))));
        }

        var results = await _client.ExecuteTransactionAsync(commands, token).ConfigureAwait(false);
        foreach (var result in results)
        {
            if (result.IsError)
            {
                throw new RedisServerException(result.AsString()!);
            }
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fullKey = _prefix + key;
        var values = await _client.HMGetAsync(fullKey, ExpirationFields, token).ConfigureAwait(false);
        if (values.Count == 2)
        {
            await SlideAsync(fullKey, values[0], values[1], token).ConfigureAwait(false);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _client.DelAsync(_prefix + key, token).ConfigureAwait(false);
    }

    private async Task SlideAsync(string fullKey, RedisValue storedAbsolute, RedisValue storedSliding, CancellationToken token)
    {
        if (storedSliding.IsNull || storedAbsolute.IsNull)
        {
            return;
        }

        var sliding = CacheExpiration.SlidingFromStored(storedSliding.AsInt64());
        if (sliding is null)
        {
            return;
        }

        var absolute = CacheExpiration.AbsoluteFromStored(storedAbsolute.AsInt64());
        var ttl = CacheExpiration.GetTimeToLiveMilliseconds(_timeProvider.GetUtcNow(), absolute, sliding)!.Value;
        if (ttl > 0)
        {
            await _client.PExpireAsync(fullKey, TimeSpan.FromMilliseconds(ttl), token).ConfigureAwait(false);
        }
        else
        {
            await _client.DelAsync(fullKey, token).ConfigureAwait(false);
        }
    }
}
