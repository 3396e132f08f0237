using ClusterSessions.IntegrationTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

/// <summary>
/// Proves a process fixture works with StackExchange.Redis: a round trip, and a stop and start on the same AOF.
/// Runs once per server kind through the derived classes; each test leaves the server running.
/// </summary>
public abstract class SmokeTestsBase<TFixture> : IAsyncLifetime
    where TFixture : ServerFixture
{
    private readonly TFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = $"it:{Guid.NewGuid():N}:";

    protected SmokeTestsBase(TFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public async Task InitializeAsync()
    {
        // Skipped tests still construct the class; only touch the server when it runs.
        if (ServerAvailability.GetSkipReason(_fixture.Backend) is null)
        {
            _output.WriteLine($"redis backend: {_fixture.Description}");
            await _fixture.Server.StartAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ServerFact]
    public async Task StringSetAndGet_NewKey_RoundTrips()
    {
        await using var connection = await _fixture.CreateMultiplexerAsync();
        var database = connection.GetDatabase();

        Assert.True(await database.StringSetAsync(_prefix + "s", "value", TimeSpan.FromMinutes(1)));

        Assert.Equal("value", (string?)await database.StringGetAsync(_prefix + "s"));
    }

    [ServerFact]
    public async Task StopAndStart_SamePortAndDirectory_KeepsTheDataInTheAppendOnlyFile()
    {
        await using (var before = await _fixture.CreateMultiplexerAsync())
        {
            await before.GetDatabase().StringSetAsync(_prefix + "durable", "survives");
            await before.GetDatabase().ListRightPushAsync(_prefix + "list", "a");
        }

        await _fixture.Server.StopAsync();
        await _fixture.Server.StartAsync(warmUp: false);

        await using var after = await _fixture.CreateMultiplexerAsync();
        Assert.Equal("survives", (string?)await after.GetDatabase().StringGetAsync(_prefix + "durable"));
        Assert.Equal(["a"], (await after.GetDatabase().ListRangeAsync(_prefix + "list")).Select(v => (string?)v));
    }
}
