using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Redis;

public sealed class RedisClientTimeoutTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    /// <remarks>
    /// The handshake's AUTH, SELECT and PING are part of connecting: the connect timeout bounds them, also when the
    /// command timeout is shorter (second case).
    /// </remarks>
    [Theory]
    [InlineData("connectTimeout=300", 300)]
    [InlineData("connectTimeout=600,commandTimeout=100", 600)]
    public async Task ConnectAsync_PeerAcceptsButNeverAnswers_TimesOutAfterTheConnectTimeout(string timeouts, int connectTimeoutMs)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptSocketAsync();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var client = new RedisClient($"127.0.0.1:{port},{timeouts}");

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));

        Assert.Contains($"Timed out after {connectTimeoutMs} ms", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.ElapsedMilliseconds, connectTimeoutMs - 50, connectTimeoutMs + 2700);
        (await accepted).Dispose();
    }

    [RedisServerFact]
    public async Task ExecuteAsync_ClientPause_ThrowsTimeoutAfterCommandTimeout()
    {
        await using var server = await RedisServerInstance.StartAsync(RedisServerKind.RedisServer);
        await using var admin = server.CreateClient();
        await using var client = server.CreateClient(o => o.CommandTimeout = TimeSpan.FromMilliseconds(300));
        await client.ConnectAsync().WaitAsync(TestTimeout);

        // The pause simply runs out; the server is discarded afterwards.
        await admin.ExecuteAsync("CLIENT", "PAUSE", 3000, "ALL");
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisTimeoutException>(() => client.GetStringAsync("k").WaitAsync(TestTimeout));

        // Well before the pause ends, when the GET would simply be answered.
        Assert.InRange(clock.ElapsedMilliseconds, 250, 2500);
        Assert.Contains("did not answer GET within 300 ms", error.Message, StringComparison.Ordinal);
    }
}
