using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// Dot segments, raw and percent-encoded, aimed out of a pool's prefix: at the gateway's admin API (served on its own
/// port only) or at a file. Kestrel resolves <c>..</c> and <c>%2e%2e</c> before routing, and leaves an encoded slash
/// encoded, so a node gets it as one path segment it has no route for; no node serves files. Written on a socket:
/// HttpClient's Uri would resolve the dot segments itself before sending.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class PathTraversalTests(RedisCluster cluster)
{
    [Theory]
    [InlineData("/redis/../gateway-admin")]
    [InlineData("/redis/../_gateway/pools")]
    [InlineData("/redis/%2e%2e/_gateway/pools")]
    [InlineData("/redis/%2E%2E/_gateway/traffic")]
    [InlineData("/redis/api/../../_gateway/pools")]
    [InlineData("/redis/../../etc/passwd")]
    [InlineData("/redis/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/redis/..%2f..%2fetc/passwd")]
    [InlineData("/redis/..%5c..%5cetc%5cpasswd")]
    [InlineData("/redis/%252e%252e/%252e%252e/etc/passwd")]
    public async Task DotSegmentsOutOfThePool_Are404_NeitherTheAdminApiNorAFile(string path)
    {
        var exchange = await RawHttp.SendAsync(cluster.Gateway, $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", responses: 1);

        var response = Assert.Single(exchange.Responses);
        Assert.True(response.Status == 404, $"{path}: {exchange.Text}");
        Assert.DoesNotContain("root:", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("destinations", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("records", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminApi_OnItsOwnPort_AnswersWithThePools_SoATraversalThatReachedItWouldShow()
    {
        // The AppHost's own client of the admin API: "destinations" is the member the bodies above are checked for.
        var pools = await cluster.Control.GatewayAdmin!.GetDestinationHealthAsync(CancellationToken.None);

        Assert.Equal(["jwt", "redis"], pools.Keys.Order());
        Assert.All(pools.Values, destinations => Assert.NotEmpty(destinations));
    }
}
