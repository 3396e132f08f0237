using System.Globalization;
using ClusterSessions.AppHost.Lab.Traffic;
using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// Request smuggling at the gateway's front door: a request whose body length two parsers could read differently,
/// with a second request hidden after it. YARP writes each request to a node afresh, so nothing can slip between the
/// gateway and a node; what must hold is that the gateway's own Kestrel never runs the hidden request. Each request is
/// written byte for byte on a socket: HttpClient would refuse to send them. The gateway's traffic feed tells whether a
/// request reached a pool at all.
/// </summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class RequestSmugglingTests(LocalAndStickyCluster cluster)
{
    [Theory]
    [InlineData("two Content-Length headers", "Content-Length: 0\r\nContent-Length: 52\r\n")]
    [InlineData("a Content-Length list", "Content-Length: 0, 52\r\n")]
    [InlineData("chunked not last", "Transfer-Encoding: chunked, identity\r\n")]
    [InlineData("chunked, then identity in a second header", "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n")]
    [InlineData("a space before the colon", "Transfer-Encoding : chunked\r\n")]
    [InlineData("an unknown coding", "Transfer-Encoding: xchunked\r\n")]
    [InlineData("a folded line", "Transfer-Encoding:\r\n chunked\r\n")]
    public async Task AmbiguousBodyLength_Is400FromKestrelAndTheConnectionClosed_NothingReachesAPool(string why, string lengthHeaders)
    {
        var (hidden, marker) = HiddenRequest();
        var after = await LastTrafficAsync();

        var exchange = await RawHttp.SendAsync(
            cluster.Gateway,
            $"POST /local/api/node HTTP/1.1\r\nHost: 127.0.0.1\r\n{lengthHeaders}\r\n0\r\n\r\n{hidden}");

        var response = Assert.Single(exchange.Responses);
        Assert.True(response.Status == 400, $"{why}: {exchange.Text}");
        Assert.Equal(["close"], response.Values("Connection"));
        // Refused while Kestrel parsed it: no middleware ran, so not even the gateway named itself.
        Assert.Empty(response.Values("X-Served-By"));
        Assert.True(exchange.Closed, $"{why}: the connection stayed open");
        Assert.Empty(await TrafficAfterAsync(after));
        Assert.DoesNotContain(marker, exchange.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CL.TE", false)]
    [InlineData("TE.CL", true)]
    public async Task ContentLengthAndChunked_AnsweredOnceAsChunkedThenClosed_TheHiddenRequestNeverRuns(string attack, bool hiddenInsideTheChunk)
    {
        var (hidden, marker) = HiddenRequest();
        // CL.TE: Content-Length covers the hidden request, chunked ends the body before it. TE.CL: the other way round.
        var body = hiddenInsideTheChunk
            ? $"{hidden.Length.ToString("x", CultureInfo.InvariantCulture)}\r\n{hidden}\r\n0\r\n\r\n"
            : $"0\r\n\r\n{hidden}";
        var contentLength = hiddenInsideTheChunk ? 3 : body.Length;
        var after = await LastTrafficAsync();

        var exchange = await RawHttp.SendAsync(
            cluster.Gateway,
            $"GET /local/api/node HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {contentLength}\r\nTransfer-Encoding: chunked\r\n\r\n{body}");

        // RFC 9112 section 6.3: chunked wins over Content-Length, and the server closes the connection after answering.
        var response = Assert.Single(exchange.Responses);
        Assert.True(response.Status == 200, $"{attack}: {exchange.Text}");
        Assert.StartsWith("local-", Assert.Single(response.Values("X-Served-By")), StringComparison.Ordinal);
        Assert.True(exchange.Closed, $"{attack}: the connection stayed open for the hidden request");
        var proxied = await TrafficAfterAsync(after, atLeast: 1);
        Assert.Equal(["/local/api/node"], proxied.Select(r => r.Path));
        Assert.DoesNotContain(proxied, r => r.Path.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoPipelinedRequests_BothAnsweredOnOneConnection_SoAHiddenRequestThatRanWouldShow()
    {
        var (hidden, marker) = HiddenRequest();
        var after = await LastTrafficAsync();

        var exchange = await RawHttp.SendAsync(cluster.Gateway, $"GET /local/api/node HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n{hidden}", responses: 2);

        Assert.Equal([200, 404], exchange.Responses.Select(r => r.Status));
        Assert.False(exchange.Closed);
        var proxied = await TrafficAfterAsync(after, atLeast: 2);
        Assert.Contains(proxied, r => r.Path.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>A complete request to a path of its own, which the traffic feed would show if it ever reached a pool.</summary>
    private static (string Request, string Marker) HiddenRequest()
    {
        var marker = $"smuggled-{Guid.NewGuid():N}";
        return ($"GET /local/api/{marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", marker);
    }

    private async Task<long> LastTrafficAsync() =>
        (await cluster.Control.GatewayAdmin!.GetTrafficAsync(long.MaxValue, CancellationToken.None)).Last;

    /// <summary>
    /// The requests the gateway proxied after sequence number <paramref name="after"/>: waits for
    /// <paramref name="atLeast"/> of them (a request is recorded once answered), then a moment more for any straggler.
    /// </summary>
    private async Task<IReadOnlyList<GatewayTrafficRecord>> TrafficAfterAsync(long after, int atLeast = 0)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await cluster.Control.GatewayAdmin!.GetTrafficAsync(after, CancellationToken.None);
            if (page.Records.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                return (await cluster.Control.GatewayAdmin!.GetTrafficAsync(after, CancellationToken.None)).Records;
            }

            await Task.Delay(100);
        }
    }
}
