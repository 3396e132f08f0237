using ClusterSessions.Hosting.Redis.Provisioning;
using ClusterSessions.IntegrationTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Hosting.Redis.Provisioning;

/// <summary>
/// Hosting's provisioning against a password-protected server of each kind: what the AppHost relies on when it
/// runs Redis itself (auth, warm-up, a graceful stop that loses no acknowledged write). Each test leaves the
/// server running.
/// </summary>
public abstract class RedisServerProcessTestsBase<TFixture> : IAsyncLifetime
    where TFixture : ServerFixture
{
    private readonly TFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = $"it:{Guid.NewGuid():N}:";

    protected RedisServerProcessTestsBase(TFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private RedisServerInstance Server => _fixture.Server;

    public async Task InitializeAsync()
    {
        if (ServerAvailability.GetSkipReason(_fixture.Backend) is null)
        {
            _output.WriteLine($"redis backend: {_fixture.Description}");
            await Server.StartAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ServerFact]
    public async Task StopAsync_WriteAnsweredJustBefore_SurvivesARestartOnTheSamePortAndDirectory()
    {
        await using (var before = await Server.CreateMultiplexerAsync())
        {
            // Garnet acknowledges before its AOF commit is flushed: StopAsync's COMMITAOF is what keeps this write.
            await before.GetDatabase().HashSetAsync(_prefix + "h", [new HashEntry("f", "v")]);
            await before.GetDatabase().StringSetAsync(_prefix + "last", "answered");
        }

        var port = Server.Port;
        await Server.StopAsync();
        await Server.StartAsync(warmUp: false);

        Assert.Equal(port, Server.Port);
        await using var after = await Server.CreateMultiplexerAsync();
        Assert.Equal("v", (string?)await after.GetDatabase().HashGetAsync(_prefix + "h", "f"));
        Assert.Equal("answered", (string?)await after.GetDatabase().StringGetAsync(_prefix + "last"));
    }

    [ServerFact]
    public async Task StartAsync_PasswordSet_RefusesAClientWithoutIt()
    {
        var options = Server.CreateOptions(withPassword: false);
        options.AbortOnConnectFail = true;

        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    [ServerFact]
    public async Task RunAsync_WarmUp_LeavesNoKeyBehind()
    {
        await RedisServerWarmUp.RunAsync(Server.ConnectionString);

        // KEYS is an admin command to StackExchange.Redis.
        await using var connection = await Server.CreateMultiplexerAsync(options => options.AllowAdmin = true);
        var keys = (RedisResult[]?)await connection.GetDatabase().ExecuteAsync("KEYS", "__warmup*");
        Assert.Empty(keys ?? []);
    }
}
