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

    [Fact]
    public async Task ConnectAsync_PeerAcceptsButNeverAnswers_TimesOutWithinConnectTimeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptSocketAsync();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var client = new RedisClient($"127.0.0.1:{port},connectTimeout=300");

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));

        Assert.Contains("Timed out after 300 ms", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.ElapsedMilliseconds, 250, 3000);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task ConnectAsync_CommandTimeoutShorterThanConnectTimeout_HandshakeGetsTheWholeConnectTimeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptSocketAsync();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var client = new RedisClient($"127.0.0.1:{port},connectTimeout=600,commandTimeout=100");

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));

        // The handshake's PING is part of connecting: the connect timeout bounds it, not the command timeout.
        Assert.Contains("Timed out after 600 ms", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.ElapsedMilliseconds, 550, 3000);
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
        await admin.ExecuteAsync("CLIENT", "PAUSE", 1000, "ALL");
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisTimeoutException>(() => client.GetStringAsync("k").WaitAsync(TestTimeout));

        Assert.InRange(clock.ElapsedMilliseconds, 250, 1500);
        Assert.Contains("did not answer GET within 300 ms", error.Message, StringComparison.Ordinal);
    }
}
