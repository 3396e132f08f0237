using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// Kestrel's request limits at the gateway (request line 8 KB, headers 32 KB in all): an oversized request is refused
/// before routing, so no node spends a thing on it, and the connection is closed.
/// </summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class RequestLimitsTests(LocalAndStickyCluster cluster)
{
    [Fact]
    public async Task Url20KB_Is414AndTheConnectionClosed_NoNodeSeesIt()
    {
        var exchange = await RawHttp.SendAsync(cluster.Gateway, $"GET /local/api/node?pad={new string('a', 20 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        AssertRefusedByKestrel(exchange, 414);
    }

    [Theory]
    [InlineData(40, 1024)]
    [InlineData(1, 40 * 1024)]
    public async Task Headers40KB_Are431AndTheConnectionClosed_NoNodeSeesThem(int headers, int bytesEach)
    {
        var padding = string.Concat(Enumerable.Range(0, headers).Select(i => $"X-Pad-{i}: {new string('a', bytesEach)}\r\n"));

        var exchange = await RawHttp.SendAsync(cluster.Gateway, $"GET /local/api/node HTTP/1.1\r\nHost: 127.0.0.1\r\n{padding}\r\n");

        AssertRefusedByKestrel(exchange, 431);
    }

    [Fact]
    public async Task LongUrlAndHeadersWithinTheLimits_AreServedByANode()
    {
        var padding = string.Concat(Enumerable.Range(0, 16).Select(i => $"X-Pad-{i}: {new string('a', 1024)}\r\n"));

        var exchange = await RawHttp.SendAsync(
            cluster.Gateway,
            $"GET /local/api/node?pad={new string('a', 6 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n{padding}\r\n",
            responses: 1);

        var response = Assert.Single(exchange.Responses);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("local-", Assert.Single(response.Values("X-Served-By")), StringComparison.Ordinal);
    }

    private static void AssertRefusedByKestrel(RawHttpExchange exchange, int status)
    {
        var response = Assert.Single(exchange.Responses);
        Assert.Equal(status, response.Status);
        Assert.Equal(["close"], response.Values("Connection"));
        // Refused while Kestrel parsed it: no middleware ran, so not even the gateway named itself.
        Assert.Empty(response.Values("X-Served-By"));
        Assert.True(exchange.Closed, "the connection stayed open");
    }
}
