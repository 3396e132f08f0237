using System.Net;
using ClusterSessions.IntegrationTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// The shared part of the WebNode tests: the class's Redis is running before each test (a test that stops or freezes
/// it restarts it, but a failed one may not have), and the backend is named in the output.
/// </summary>
public abstract class WebNodeTestsBase<TServer> : IAsyncLifetime
    where TServer : ServerFixture
{
    protected WebNodeTestsBase(WebNodeFixture<TServer> fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        Output = output;
    }

    protected WebNodeFixture<TServer> Fixture { get; }

    protected ITestOutputHelper Output { get; }

    private protected RedisServerInstance Server => Fixture.Redis.Server;

    public async Task InitializeAsync()
    {
        // Skipped tests still construct the class; only touch the server when it runs.
        if (ServerAvailability.GetSkipReason(Fixture.Redis.Backend) is null)
        {
            Output.WriteLine($"redis backend: {Fixture.Redis.Description}");
            if (!Server.IsRunning)
            {
                await Server.StartAsync();
            }

            // A node reconnects on its own after a restart, but maybe not yet: start every test from healthy nodes.
            foreach (var node in Fixture.Nodes)
            {
                using var client = node.CreateClient();
                await NodeApi.WaitForStatusAsync(() => client.HealthAsync(), HttpStatusCode.OK, TimeSpan.FromSeconds(10));
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A test client on the class's Redis (10 s timeouts, keeps reconnecting).</summary>
    protected Task<ConnectionMultiplexer> ConnectAsync() => Fixture.Redis.CreateMultiplexerAsync();

    /// <summary>Stops the server, runs <paramref name="whileDown"/>, and starts the server again whatever happened.</summary>
    protected async Task WhileStoppedAsync(Func<Task> whileDown)
    {
        await Server.StopAsync();
        try
        {
            await whileDown();
        }
        finally
        {
            await Server.StartAsync();
        }
    }

    /// <summary>Freezes the server (SIGSTOP), runs <paramref name="whileFrozen"/>, and thaws it whatever happened.</summary>
    protected async Task WhileFrozenAsync(Func<Task> whileFrozen)
    {
        Server.Freeze();
        try
        {
            await whileFrozen();
        }
        finally
        {
            Server.Thaw();
        }
    }
}
