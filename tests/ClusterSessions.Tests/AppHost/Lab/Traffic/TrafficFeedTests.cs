using Microsoft.Extensions.Time.Testing;
using ClusterSessions.AppHost.Lab.Traffic;

namespace ClusterSessions.Tests.AppHost.Lab.Traffic;

public sealed class TrafficFeedTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Counts =
        new Dictionary<string, IReadOnlyDictionary<string, long>> { ["local"] = new Dictionary<string, long> { ["local-1"] = 2 } };

    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly List<long> _asked = [];
    private GatewayTrafficPage _page = Page(0);

    [Fact]
    public async Task ReadAsync_FirstRead_PollsAndNumbersTheRecordsItself()
    {
        _page = Page(10, 41, 42);
        var feed = Feed();

        var update = await feed.ReadAsync(0, 100, CancellationToken.None);

        Assert.Equal([0L], _asked);
        Assert.Equal([1L, 2L], update.Records.Select(r => r.Sequence));
        Assert.Equal(["/local/41", "/local/42"], update.Records.Select(r => r.Path));
        Assert.Equal(2, update.Last);
        Assert.Equal(2, update.Counts["local"]["local-1"]);
        Assert.Null(update.Error);
    }

    [Fact]
    public async Task ReadAsync_WithinThePollInterval_DoesNotAskTheGatewayAgain()
    {
        var feed = Feed();
        await feed.ReadAsync(0, 100, CancellationToken.None);
        _clock.Advance(TrafficFeed.PollInterval / 2);

        await feed.ReadAsync(0, 100, CancellationToken.None);

        Assert.Single(_asked);
    }

    [Fact]
    public async Task ReadAsync_NextPoll_AsksAfterTheGatewaysLastAndAppends()
    {
        _page = Page(42, 41, 42);
        var feed = Feed();
        await feed.ReadAsync(0, 100, CancellationToken.None);
        _clock.Advance(TrafficFeed.PollInterval);
        _page = Page(43, 43);

        var update = await feed.ReadAsync(2, 100, CancellationToken.None);

        Assert.Equal([0L, 42L], _asked);
        Assert.Equal([3L], update.Records.Select(r => r.Sequence));
        Assert.Equal("/local/43", update.Records.Single().Path);
    }

    [Fact]
    public async Task ReadAsync_GatewayRestarted_ReadsItFromTheStartAndKeepsCounting()
    {
        _page = Page(42, 41, 42);
        var feed = Feed();
        await feed.ReadAsync(0, 100, CancellationToken.None);
        _clock.Advance(TrafficFeed.PollInterval);
        // A restarted gateway's sequence starts again at 1: smaller than what was seen.
        _page = Page(1, 1);

        var update = await feed.ReadAsync(2, 100, CancellationToken.None);

        Assert.Equal([0L, 42L, 0L], _asked);
        Assert.Equal([3L], update.Records.Select(r => r.Sequence));
        Assert.Equal("/local/1", update.Records.Single().Path);
    }

    [Fact]
    public async Task ReadAsync_MoreThanTheLimit_ReturnsTheNewest()
    {
        _page = Page(5, 1, 2, 3, 4, 5);
        var feed = Feed();

        var update = await feed.ReadAsync(0, 2, CancellationToken.None);

        Assert.Equal(["/local/4", "/local/5"], update.Records.Select(r => r.Path));
        Assert.Equal(5, update.Last);
    }

    [Fact]
    public async Task ReadAsync_BeyondCapacity_KeepsOnlyTheNewest()
    {
        _page = Page(5, 1, 2, 3, 4, 5);
        var feed = Feed(capacity: 3);

        var update = await feed.ReadAsync(0, 100, CancellationToken.None);

        Assert.Equal(["/local/3", "/local/4", "/local/5"], update.Records.Select(r => r.Path));
    }

    [Fact]
    public async Task ReadAsync_GatewayFails_KeepsWhatItHadAndSaysWhy()
    {
        _page = Page(1, 1);
        var failing = false;
        var feed = new TrafficFeed(
            (after, _) => failing ? throw new HttpRequestException("Connection refused") : Task.FromResult(_page),
            _clock);
        await feed.ReadAsync(0, 100, CancellationToken.None);
        _clock.Advance(TrafficFeed.PollInterval);
        failing = true;

        var update = await feed.ReadAsync(0, 100, CancellationToken.None);

        Assert.Single(update.Records);
        Assert.Contains("Connection refused", update.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoGateway_SaysSo()
    {
        var feed = new TrafficFeed(null, _clock);

        var update = await feed.ReadAsync(0, 100, CancellationToken.None);

        Assert.Empty(update.Records);
        Assert.Equal("this cluster has no gateway", update.Error);
    }

    private TrafficFeed Feed(int capacity = TrafficFeed.DefaultCapacity) => new(
        (after, _) =>
        {
            _asked.Add(after);
            return Task.FromResult(_page with { Records = _page.Records.Where(r => r.Sequence > after).ToList() });
        },
        _clock,
        capacity);

    private static GatewayTrafficPage Page(long last, params long[] sequences) => new(
        sequences.Select(s => new GatewayTrafficRecord(s, TestClock.Start, "local", "GET", $"/local/{s}", "local-1", 200, 1.5)).ToList(),
        last,
        Counts);
}
