using ClusterSessions.AppHost.Configuration;
using System.Net;
using System.Text;
using ClusterSessions.AppHost.Gateway;
using ClusterSessions.Tests.AppHost.Nodes;
using ClusterSessions.Tests.Gateway;

namespace ClusterSessions.Tests.AppHost.Gateway;

/// <summary>The AppHost's client against the real gateway's admin endpoints (in memory).</summary>
public sealed class GatewayAdminClientTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task GetDestinationHealth_ReadsEveryPoolsNodesAsTheGatewaySeesThem()
    {
        using var http = gateway.CreateAdminClient();
        using var body = new StringContent(
            """{"destinations":{"redis-1":"http://127.0.0.1:7001/","redis-2":"http://127.0.0.1:7002/"},"affinity":false}""",
            Encoding.UTF8,
            "application/json");
        using var put = await http.PutAsync(new Uri("/_gateway/pools/redis", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var client = new GatewayAdminClient(http, GatewayHost.AdminPort);

        var pools = await client.GetDestinationHealthAsync(CancellationToken.None);

        // Active probes run once an hour in this host, so the gateway has not judged the nodes yet.
        Assert.Equal(new Dictionary<string, string> { ["redis-1"] = "Unknown", ["redis-2"] = "Unknown" }, pools["redis"]);
    }

    [Fact]
    public async Task SetPoolAsync_Pool_TheGatewayRoutesToItsMembersOnly()
    {
        var pool = TestNodePools.Create("sticky", nodes: 2, spares: 1);
        using var http = gateway.CreateAdminClient();
        var client = new GatewayAdminClient(http, GatewayHost.AdminPort);

        await client.SetPoolAsync(pool, "LeastRequests", NodeProtocol.Http2, CancellationToken.None);

        var pools = await client.GetDestinationHealthAsync(CancellationToken.None);
        Assert.Equal(["sticky-1", "sticky-2"], pools["sticky"].Keys.Order());
    }

    [Fact]
    public async Task SetPoolAsync_GatewayRefuses_ThrowsWithItsAnswer()
    {
        var pool = TestNodePools.Create("sticky", nodes: 1, spares: 0);
        using var http = gateway.CreateAdminClient();
        var client = new GatewayAdminClient(http, GatewayHost.AdminPort);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SetPoolAsync(pool, "Fastest", NodeProtocol.Http2, CancellationToken.None));

        Assert.StartsWith("gateway refused the pool update for sticky: 400", exception.Message, StringComparison.Ordinal);
    }
}
