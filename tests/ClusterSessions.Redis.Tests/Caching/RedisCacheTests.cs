using System.Text;
using ClusterSessions.Redis.Caching;
using ClusterSessions.Redis.Tests.TestDoubles;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Redis.Tests.Caching;

public sealed class RedisCacheTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryRedisClient _redis;
    private readonly RedisCache _cache;

    public RedisCacheTests()
    {
        _redis = new InMemoryRedisClient(_time);
        _cache = new RedisCache(_redis, Options.Create(new RedisCacheOptions { InstanceName = "app:" }), _time);
    }

    [Fact]
    public async Task SetAsync_WithExpirations_WritesHashAndTtlInOneTransaction()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
            SlidingExpiration = TimeSpan.FromMinutes(20),
        });

        Assert.Equal(
            [
                "MULTI",
                "DEL app:k",
                $"HSET app:k absexp {_time.GetUtcNow().AddHours(1).UtcTicks} sldexp {TimeSpan.FromMinutes(20).Ticks} data v",
                "PEXPIRE app:k 1200000",
                "EXEC",
            ],
            _redis.Commands.Select(c => string.Join(' ', c)));
    }

    [Fact]
    public async Task SetAsync_NoExpiration_StoresMinusOneAndNoTtl()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions());

        Assert.Contains("HSET app:k absexp -1 sldexp -1 data v", _redis.Commands.Select(c => string.Join(' ', c)));
        Assert.DoesNotContain(_redis.Commands, c => c[0] == "PEXPIRE");
        Assert.Equal(-1, _redis.PTtl("app:k"));
    }

    [Fact]
    public async Task GetAsync_SlidingEntryReadBeforeItExpires_SlidesTheWindow()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal("v", Encoding.UTF8.GetString((await _cache.GetAsync("k"))!));
            Assert.Equal(600_000, _redis.PTtl("app:k"));
        }
    }

    [Fact]
    public async Task GetAsync_SlidingEntryNotReadWithinWindow_IsGone()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await _cache.GetAsync("k"));
    }

    [Fact]
    public async Task GetAsync_SlidingAndAbsolute_NeverOutlivesTheAbsoluteExpiry()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(25),
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await _cache.GetAsync("k"));
        Assert.Equal(600_000, _redis.PTtl("app:k"));

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await _cache.GetAsync("k"));
        Assert.Equal(420_000, _redis.PTtl("app:k"));

        _time.Advance(TimeSpan.FromMinutes(7));
        Assert.Null(await _cache.GetAsync("k"));
    }

    [Fact]
    public async Task RefreshAsync_SlidingEntry_SlidesWithoutReadingData()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        _time.Advance(TimeSpan.FromMinutes(5));

        await _cache.RefreshAsync("k");

        Assert.Equal(600_000, _redis.PTtl("app:k"));
        Assert.Contains(_redis.Commands, c => string.Join(' ', c) == "HMGET app:k absexp sldexp");
    }

    [Fact]
    public async Task SetAsync_ReplacingExpiringEntryWithPermanentOne_DropsTheOldTtl()
    {
        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("old"), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });

        await _cache.SetAsync("k", Encoding.UTF8.GetBytes("new"), new DistributedCacheEntryOptions());
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("new", Encoding.UTF8.GetString((await _cache.GetAsync("k"))!));
    }

    [Fact]
    public async Task RemoveAsync_Entry_DeletesTheKey()
    {
        _cache.Set("k", Encoding.UTF8.GetBytes("v"), new DistributedCacheEntryOptions());

        await _cache.RemoveAsync("k");

        Assert.Null(_cache.Get("k"));
    }

    [Fact]
    public async Task GetAsync_StoreFailure_PropagatesRedisException()
    {
        _redis.Override = (_, _) => Task.FromException<RedisValue>(new RedisConnectionException("down"));

        await Assert.ThrowsAsync<RedisConnectionException>(() => _cache.GetAsync("k"));
    }

    [Fact]
    public async Task SetAsync_AbsoluteExpirationInThePast_Throws()
    {
        var options = new DistributedCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow().AddSeconds(-1) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _cache.SetAsync("k", [1], options));
    }
}
