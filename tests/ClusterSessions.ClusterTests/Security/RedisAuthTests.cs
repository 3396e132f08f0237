using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterSessions.AppHost.Redis;
using ClusterSessions.ClusterTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// The store the AppHost runs requires a password (made once per run folder): a local process without it gets
/// NOAUTH, the nodes and the AppHost's own connections (model's connection string) have it, and neither the
/// server's command line nor what the dashboard shows of it carries it in clear.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAuthTests(RedisCluster cluster, ITestOutputHelper output)
{
    private string Password => File.ReadAllText(Path.Combine(cluster.RunDirectory, "redis", RedisPasswordFile.FileName)).Trim();

    private int Port => ((IPEndPoint)ConfigurationOptions.Parse(cluster.Model.Store!.ConnectionString!).EndPoints.Single()).Port;

    [Fact]
    public async Task Store_PingWithoutPassword_AnsweredNoauth()
    {
        // What redis-cli -p PORT PING sends and reads.
        var answer = await SendAsync("PING\r\n");

        output.WriteLine($"{cluster.Model.Store!.Description}: PING without a password -> {answer.TrimEnd()}");
        Assert.StartsWith("-NOAUTH Authentication required", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_ReadWithoutPassword_AnsweredNoauth()
    {
        // The shared Data Protection key ring, the first thing a local attacker would read.
        var answer = await SendAsync("LRANGE DataProtection-Keys 0 -1\r\n");

        Assert.StartsWith("-NOAUTH", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_ClientWithoutPassword_CannotConnect()
    {
        var options = ConfigurationOptions.Parse(cluster.Model.Store!.ConnectionString!);
        options.Password = null;
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;

        var failure = await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));

        output.WriteLine(failure.Message);
    }

    [Fact]
    public async Task Store_ModelConnectionString_CarriesTheRunFoldersPasswordAndAnswersPong()
    {
        var connectionString = cluster.Model.Store!.ConnectionString!;
        Assert.Matches("^[0-9a-f]{64}$", Password);
        Assert.EndsWith($",password={Password}", connectionString, StringComparison.Ordinal);

        await using var client = await ConnectionMultiplexer.ConnectAsync(connectionString);

        Assert.True(await client.GetDatabase().PingAsync() < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RedisPool_LoginAndCart_WorkWithTheNodesAuthenticated()
    {
        using var client = cluster.CreateClient("redis");
        using var login = await client.LoginAsync("alice");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        using var me = await client.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("alice", (await me.JsonAsync()).GetProperty("user").GetString());
    }

    [Fact]
    public async Task Store_Process_PasswordNotOnItsCommandLine()
    {
        var pid = cluster.Control.FindResource("redis")?.Pid ?? throw new InvalidOperationException("the store has no pid");

        var commandLine = (await File.ReadAllTextAsync($"/proc/{pid}/cmdline")).Replace('\0', ' ');

        output.WriteLine($"/proc/{pid}/cmdline: {commandLine}");
        Assert.DoesNotContain(Password, commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_DashboardProperties_ThePasswordOnlyInSensitiveOnes()
    {
        Assert.True(cluster.App.ResourceNotifications.TryGetCurrentState("redis", out var state));

        var carrying = state.Snapshot.Properties.Where(p => Text(p.Value).Contains(Password, StringComparison.Ordinal)).ToList();

        output.WriteLine($"properties with the password: {string.Join(", ", carrying.Select(p => $"{p.Name} (sensitive: {p.IsSensitive})"))}");
        Assert.All(carrying, p => Assert.True(p.IsSensitive, $"{p.Name} shows the password in clear"));
        var arguments = state.Snapshot.Properties.Where(p => p.Name.Contains("args", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(arguments);
        Assert.All(arguments, p => Assert.DoesNotContain(Password, Text(p.Value), StringComparison.Ordinal));
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IEnumerable<object> items => string.Join(' ', items.Select(Text)),
        _ => value.ToString() ?? "",
    };

    private async Task<string> SendAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
