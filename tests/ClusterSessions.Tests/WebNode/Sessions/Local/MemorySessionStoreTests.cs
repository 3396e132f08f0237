using ClusterSessions.WebNode.Carts;
using ClusterSessions.WebNode.Sessions;
using ClusterSessions.WebNode.Sessions.Local;
using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.WebNode.Sessions.Local;

public sealed class MemorySessionStoreTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);

    private readonly TestTimeProvider _clock = new();
    private readonly MemorySessionStore _store;

    public MemorySessionStoreTests() =>
        _store = new MemorySessionStore(_clock, Options.Create(new SessionStrategyOptions { Strategy = "local", IdleTimeout = IdleTimeout }));

    [Fact]
    public async Task Get_AfterSet_ReturnsTheRecord()
    {
        var record = NewRecord("alice") with { Cart = [new CartItem("apple", 2)], Visits = 4 };
        await _store.SetAsync(record, default);

        var loaded = await _store.GetAsync(record.Id, default);

        Assert.Equal(record, loaded);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull() =>
        Assert.Null(await _store.GetAsync(SessionIds.New(), default));

    [Fact]
    public async Task Get_JustBeforeIdleTimeout_ReturnsTheRecord()
    {
        var record = await SetAsync("alice");

        _clock.Advance(IdleTimeout - TimeSpan.FromSeconds(1));

        Assert.NotNull(await _store.GetAsync(record.Id, default));
    }

    [Fact]
    public async Task Get_IdleForTheTimeout_ReturnsNullAndForgetsTheSession()
    {
        var record = await SetAsync("alice");

        _clock.Advance(IdleTimeout);

        Assert.Null(await _store.GetAsync(record.Id, default));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task Get_TouchedBeforeEachTimeout_SlidesTheExpiration()
    {
        var record = await SetAsync("alice");

        // Three touches, 15 minutes apart: 45 minutes in all, never 20 idle.
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            Assert.NotNull(await _store.GetAsync(record.Id, default));
        }

        _clock.Advance(IdleTimeout);
        Assert.Null(await _store.GetAsync(record.Id, default));
    }

    [Fact]
    public async Task Set_ExistingId_ReplacesTheRecordAndRestartsTheTimeout()
    {
        var record = await SetAsync("alice");
        _clock.Advance(TimeSpan.FromMinutes(15));

        await _store.SetAsync(record with { Visits = 9 }, default);
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(9, (await _store.GetAsync(record.Id, default))!.Visits);
    }

    [Fact]
    public async Task Set_AfterAbandonedSessionsExpired_SweepsThem()
    {
        await SetAsync("alice");
        await SetAsync(null);
        _clock.Advance(IdleTimeout + TimeSpan.FromMinutes(1));

        await SetAsync("bob");

        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task Remove_ExistingSession_ForgetsIt()
    {
        var record = await SetAsync("alice");

        await _store.RemoveAsync(record, default);

        Assert.Null(await _store.GetAsync(record.Id, default));
    }

    [Fact]
    public async Task RemoveAllForUser_RemovesOnlyThatUsersSessionsAndCountsThem()
    {
        var alice1 = await SetAsync("alice");
        var alice2 = await SetAsync("alice");
        var bob = await SetAsync("bob");
        var anonymous = await SetAsync(null);

        var removed = await _store.RemoveAllForUserAsync("alice", default);

        Assert.Equal(2, removed);
        Assert.Null(await _store.GetAsync(alice1.Id, default));
        Assert.Null(await _store.GetAsync(alice2.Id, default));
        Assert.NotNull(await _store.GetAsync(bob.Id, default));
        Assert.NotNull(await _store.GetAsync(anonymous.Id, default));
    }

    [Fact]
    public async Task RemoveAllForUser_NoSessions_ReturnsZero() =>
        Assert.Equal(0, await _store.RemoveAllForUserAsync("carol", default));

    [Fact]
    public void Scope_Always_IsNode() => Assert.Equal("node", _store.Scope);

    private async Task<SessionRecord> SetAsync(string? user)
    {
        var record = NewRecord(user);
        await _store.SetAsync(record, default);
        return record;
    }

    private SessionRecord NewRecord(string? user) =>
        new() { Id = SessionIds.New(), User = user, CreatedAt = _clock.GetUtcNow() };
}
