using ClusterSessions.Redis.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace ClusterSessions.Redis.Tests.Caching;

public sealed class CacheExpirationTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetAbsoluteExpiration_RelativeToNow_AddsToNow()
    {
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) };

        Assert.Equal(Now.AddMinutes(5), CacheExpiration.GetAbsoluteExpiration(Now, options));
    }

    [Fact]
    public void GetAbsoluteExpiration_RelativeWins_OverAbsolute()
    {
        var options = new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = Now.AddHours(1),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5),
        };

        Assert.Equal(Now.AddMinutes(5), CacheExpiration.GetAbsoluteExpiration(Now, options));
    }

    [Fact]
    public void GetAbsoluteExpiration_InThePast_Throws()
    {
        var options = new DistributedCacheEntryOptions { AbsoluteExpiration = Now };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CacheExpiration.GetAbsoluteExpiration(Now, options));

        Assert.Contains("must be in the future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTimeToLiveMilliseconds_NoExpiry_IsNull()
    {
        Assert.Null(CacheExpiration.GetTimeToLiveMilliseconds(Now, null, null));
    }

    [Fact]
    public void GetTimeToLiveMilliseconds_SlidingOnly_IsTheWindow()
    {
        Assert.Equal(600_000, CacheExpiration.GetTimeToLiveMilliseconds(Now, null, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void GetTimeToLiveMilliseconds_AbsoluteSoonerThanWindow_IsTheAbsoluteRemainder()
    {
        Assert.Equal(120_000, CacheExpiration.GetTimeToLiveMilliseconds(Now, Now.AddMinutes(2), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void GetTimeToLiveMilliseconds_WindowSoonerThanAbsolute_IsTheWindow()
    {
        Assert.Equal(600_000, CacheExpiration.GetTimeToLiveMilliseconds(Now, Now.AddHours(1), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void GetTimeToLiveMilliseconds_SubMillisecondRemainder_RoundsUp()
    {
        Assert.Equal(1, CacheExpiration.GetTimeToLiveMilliseconds(Now, Now.AddTicks(1), null));
    }

    [Fact]
    public void GetTimeToLiveMilliseconds_AbsolutePassed_IsNotPositive()
    {
        Assert.True(CacheExpiration.GetTimeToLiveMilliseconds(Now, Now.AddSeconds(-1), TimeSpan.FromMinutes(1)) <= 0);
    }

    [Fact]
    public void StoredValues_RoundTrip()
    {
        Assert.Equal(Now, CacheExpiration.AbsoluteFromStored(CacheExpiration.ToStored(Now)));
        Assert.Null(CacheExpiration.AbsoluteFromStored(CacheExpiration.ToStored((DateTimeOffset?)null)));
        Assert.Equal(TimeSpan.FromSeconds(3), CacheExpiration.SlidingFromStored(CacheExpiration.ToStored(TimeSpan.FromSeconds(3))));
        Assert.Null(CacheExpiration.SlidingFromStored(CacheExpiration.ToStored((TimeSpan?)null)));
    }
}
