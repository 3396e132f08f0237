using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterSessions.AppHost.Redis.Provisioning;
using ClusterSessions.IntegrationTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.AppHost.Redis.Provisioning;

/// <summary>
/// The AppHost's command line for the session store (<see cref="RedisServerCommand.Create"/>, which its
/// <c>RedisServerResource</c> hands to Aspire's DCP) really starting a password-protected server of each kind, with
/// an append-only file that survives a restart, and the warm-up it runs once the store is ready. The tests' own
/// runner starts the process and stops it the way the lab stops the store: COMMITAOF for Garnet, then SIGTERM.
/// Each test leaves the server running.
/// </summary>
public abstract class ProvisioningTestsBase<TFixture> : IAsyncLifetime
    where TFixture : ServerFixture
{
    private readonly TFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = $"it:{Guid.NewGuid():N}:";

    protected ProvisioningTestsBase(TFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private RedisServerInstance Server => _fixture.Server;

    public async Task InitializeAsync()
    {
        // Skipped tests still construct the class; only touch the server when it runs.
        if (ServerAvailability.GetSkipReason(_fixture.Backend) is null)
        {
            _output.WriteLine($"redis backend: {_fixture.Description}");
            _output.WriteLine($"command line: {Server.Launch.DisplayCommandLine}");
            await Server.StartAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ServerFact]
    public async Task Create_WriteAnsweredJustBeforeAGracefulStop_SurvivesARestartOnTheSamePortAndDirectory()
    {
        await using (var before = await Server.CreateMultiplexerAsync())
        {
            // Garnet acknowledges before its AOF commit is flushed: the COMMITAOF before SIGTERM is what keeps this write.
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
    public async Task Create_PasswordSet_ServerRefusesAClientWithoutIt()
    {
        var options = Server.CreateOptions(withPassword: false);
        options.AbortOnConnectFail = true;

        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    [ServerFact]
    public async Task Create_PasswordSet_PingWithoutItAnsweredNoauth()
    {
        // What redis-cli without -a sees: the raw RESP answer, from either server.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);

        Assert.StartsWith("-NOAUTH ", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [ServerFact]
    public async Task Create_PasswordSet_PasswordNeitherAnArgumentNorOnTheProcessCommandLine()
    {
        var password = Server.Password!;

        Assert.DoesNotContain(Server.Launch.Arguments, a => a.Contains(password, StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            var commandLine = await File.ReadAllTextAsync($"/proc/{Server.ProcessId}/cmdline");
            Assert.DoesNotContain(password, commandLine, StringComparison.Ordinal);
        }
    }

    [ServerFact]
    public async Task RunAsync_FreshServer_LeavesNoKeyBehind()
    {
        await RedisServerWarmUp.RunAsync(Server.ConnectionString);

        // KEYS is an admin command to StackExchange.Redis.
        await using var connection = await Server.CreateMultiplexerAsync(options => options.AllowAdmin = true);
        var keys = (RedisResult[]?)await connection.GetDatabase().ExecuteAsync("KEYS", "__warmup*");
        Assert.Empty(keys ?? []);
    }
}
