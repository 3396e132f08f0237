using System.Diagnostics;
using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Redis.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

/// <summary>
/// Authentication, outages and recovery against a password-protected server of each kind. Tests here stop,
/// freeze and restart the class's server, so each one leaves it running again.
/// </summary>
public abstract class RedisLifecycleTestsBase<TFixture> : IAsyncLifetime
    where TFixture : ServerFixture
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private readonly TFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = $"it:{Guid.NewGuid():N}:";

    protected RedisLifecycleTestsBase(TFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private RedisServerInstance Server => _fixture.Server;

    public async Task InitializeAsync()
    {
        if (ServerAvailability.GetSkipReason(_fixture.Kind) is null)
        {
            await Server.StartAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ServerFact]
    public async Task ConnectAsync_RightPassword_Connects()
    {
        await using var client = Server.CreateClient();

        await client.ConnectAsync().WaitAsync(TestTimeout);

        Assert.Equal("PONG", await client.PingAsync());
    }

    [ServerFact]
    public async Task ConnectAsync_WrongPassword_ThrowsConnectionExceptionCarryingTheServerError()
    {
        await using var client = Server.CreateClient(o => o.Password = "wrong");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.ConnectAsync().WaitAsync(TestTimeout));

        var server = Assert.IsType<RedisServerException>(error.InnerException);
        Assert.Equal("WRONGPASS", server.ErrorCode);
    }

    [ServerFact]
    public async Task ExecuteAsync_NoPassword_FailsWithNoAuth()
    {
        await using var client = Server.CreateClient(o => o.Password = null);

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));

        Assert.Contains("NOAUTH", error.Message, StringComparison.Ordinal);
    }

    [ServerFact]
    public async Task ExecuteAsync_ServerFrozen_TimesOutOnTheCommandTimeoutAndRecovers()
    {
        await using var client = Server.CreateClient(o => o.CommandTimeout = TimeSpan.FromMilliseconds(300));
        await client.ConnectAsync().WaitAsync(TestTimeout);
        var pid = Server.ProcessId;
        ProcessSignals.Freeze(pid);
        try
        {
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAsync<RedisTimeoutException>(() => client.PingAsync().WaitAsync(TestTimeout));
            // Without a command timeout the PING would wait for the thaw; the upper bound leaves room for a busy machine.
            Assert.InRange(clock.ElapsedMilliseconds, 250, 5000);
        }
        finally
        {
            ProcessSignals.Thaw(pid);
        }

        Assert.Equal("PONG", await RetryUntilAsync(() => client.PingAsync(), TimeSpan.FromSeconds(5)));
    }

    [ServerFact]
    public async Task ExecuteAsync_ServerStopped_FailsFastAndHealthReportsUnhealthy()
    {
        await using var client = Server.CreateClient();
        await client.ConnectAsync().WaitAsync(TestTimeout);
        var check = new RedisHealthCheck(client);

        await Server.StopAsync();
        try
        {
            // The drop itself is noticed from the socket; the first call after it may still be in flight.
            await Assert.ThrowsAsync<RedisConnectionException>(() => RetryWhileAsync(() => client.PingAsync(), TimeSpan.FromSeconds(5)));
            for (var i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                await Assert.ThrowsAsync<RedisConnectionException>(() => client.GetStringAsync(_prefix + "k").WaitAsync(TestTimeout));
                // Waiting for a connect attempt would take up to the 2 s connect timeout plus the reconnect backoff.
                Assert.True(clock.ElapsedMilliseconds < 1000, $"call {i} took {clock.ElapsedMilliseconds} ms while the server was down");
            }

            var health = await check.CheckHealthAsync(new HealthCheckContext
            {
                Registration = new HealthCheckRegistration("redis", check, HealthStatus.Unhealthy, null),
            });
            Assert.Equal(HealthStatus.Unhealthy, health.Status);
            Assert.Contains("unavailable", health.Description, StringComparison.Ordinal);
        }
        finally
        {
            await Server.StartAsync();
        }
    }

    [ServerFact]
    public async Task ExecuteAsync_ServerRestartedOnSamePort_RecoversQuicklyAndKeepsData()
    {
        // A generous command timeout: this test is about reconnecting, and a just-started Garnet is cold.
        await using var client = Server.CreateClient(o => o.CommandTimeout = TimeSpan.FromSeconds(5));
        await client.SetAsync(_prefix + "durable", "survives");
        await client.RPushAsync(_prefix + "list", "a");

        await Server.StopAsync();
        await Assert.ThrowsAsync<RedisConnectionException>(() => RetryWhileAsync(() => client.PingAsync(), TimeSpan.FromSeconds(5)));
        await Server.StartAsync(warmUp: false);

        // Measured from the server's ready line: a caller retrying every 20 ms is served again within ~1 s.
        var clock = Stopwatch.StartNew();
        Assert.Equal("PONG", await RetryUntilAsync(() => client.PingAsync(), TimeSpan.FromSeconds(5)));
        _output.WriteLine($"{_fixture.Kind}: served again {clock.ElapsedMilliseconds} ms after the ready line");
        // The reconnect backoff is capped at 1 s: within 3 s even on a busy machine; a growing backoff would not be.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"recovered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal("survives", await client.GetStringAsync(_prefix + "durable"));
        Assert.Equal(["a"], await client.LRangeAsync(_prefix + "list", 0, -1));
        Assert.True(client.IsConnected);
    }

    private static async Task<T> RetryUntilAsync<T>(Func<Task<T>> action, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await action();
            }
            catch (RedisException) when (clock.Elapsed < limit)
            {
                await Task.Delay(20);
            }
        }
    }

    // Calls until one fails (the server is seen as down), returning that failure to the caller's assertion.
    private static async Task RetryWhileAsync<T>(Func<Task<T>> action, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            await action();
            await Task.Delay(20);
        }
    }
}
