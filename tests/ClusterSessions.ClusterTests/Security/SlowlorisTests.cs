using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// Slowloris: connections that keep sending header bytes, a line a second, and never finish. Kestrel's
/// <c>RequestHeadersTimeout</c> (30 s by default, the gateway keeps it) bounds the whole header section however busy the
/// connection looks: each is answered 408 and closed, and a normal client is served all the while.
/// </summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class SlowlorisTests(LocalAndStickyCluster cluster, ITestOutputHelper output)
{
    private const int SlowConnections = 10;
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HeadersSentALineASecond_408AndClosedAfterTheRequestHeadersTimeout_WhileANormalClientIsServed()
    {
        var slow = Enumerable.Range(0, SlowConnections).Select(_ => SlowClientAsync()).ToList();

        using var client = cluster.CreateClient("local");
        var statuses = new List<HttpStatusCode>();
        var clock = Stopwatch.StartNew();
        while (!slow.All(t => t.IsCompleted) && clock.Elapsed < GiveUp)
        {
            using var response = await client.GetAsync("api/node");
            statuses.Add(response.StatusCode);
            await Task.Delay(500);
        }

        var results = await Task.WhenAll(slow);
        foreach (var (exchange, closedAfter, linesSent) in results)
        {
            output.WriteLine($"closed after {closedAfter.TotalSeconds:0.0} s and {linesSent} header lines: {exchange.Text.Split("\r\n")[0]}");
            var response = Assert.Single(exchange.Responses);
            Assert.Equal(408, response.Status);
            Assert.Equal(["close"], response.Values("Connection"));
            Assert.True(exchange.Closed, "the slow connection was never closed");
            // Not an idle timeout: the bytes kept coming, and the 30 s counted from the first of them.
            Assert.InRange(closedAfter, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(45));
            Assert.True(linesSent >= 25, $"only {linesSent} header lines were sent");
        }

        output.WriteLine($"the normal client meanwhile: {statuses.Count} requests, {string.Join(" ", statuses.Distinct())}");
        Assert.True(statuses.Count >= 20, $"the normal client made only {statuses.Count} requests");
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    /// <summary>Starts a request, then sends one more header line a second until the gateway answers or closes.</summary>
    private async Task<(RawHttpExchange Exchange, TimeSpan ClosedAfter, int LinesSent)> SlowClientAsync()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(cluster.Gateway.Host, cluster.Gateway.Port);
        var clock = Stopwatch.StartNew();
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET /local/api/node HTTP/1.1\r\nHost: 127.0.0.1\r\n"u8.ToArray());
        var reading = RawHttp.ReadAsync(stream, idle: GiveUp);
        var lines = 0;
        while (!reading.IsCompleted && clock.Elapsed < GiveUp)
        {
            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1)));
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"X-Slow-{lines}: a\r\n"));
                lines++;
            }
            catch (IOException)
            {
                // Closed by the gateway: what the reader is about to report.
                break;
            }
        }

        var exchange = await reading;
        return (exchange, clock.Elapsed, lines);
    }
}
