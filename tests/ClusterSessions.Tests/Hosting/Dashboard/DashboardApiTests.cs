using System.Net;
using System.Net.Http.Json;

namespace ClusterSessions.Tests.Hosting.Dashboard;

/// <summary>The Resources view's API over a cluster that is not running: shapes, validation and refusals.</summary>
public sealed class DashboardApiTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task GetState_DescribedCluster_ListsResourcesPoolsPoliciesAndScenarios()
    {
        var state = await _client.GetJsonAsync("/api/state");

        Assert.Equal(["gateway", "local-1", "sticky-1"], state.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.All(state.GetProperty("resources").EnumerateArray(), r => Assert.Equal("not-started", r.GetProperty("state").GetString()));
        Assert.Equal("RoundRobin", state.GetProperty("loadBalancing").GetString());
        Assert.Equal(5, state.GetProperty("policies").GetArrayLength());
        var sticky = state.GetProperty("pools")[1];
        Assert.Equal("sticky", sticky.GetProperty("strategy").GetString());
        Assert.True(sticky.GetProperty("affinity").GetBoolean());
        Assert.Equal(["sticky-1"], sticky.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(host.App.GatewayUrl!.ToString().TrimEnd('/'), state.GetProperty("gatewayUrl").GetString());
        Assert.True(state.GetProperty("serverTime").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Contains("steady", state.GetProperty("compareScenarios").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task GetResources_ContractFields_ArePresentForEveryResource()
    {
        var resources = await _client.GetJsonAsync("/api/resources");

        Assert.All(resources.EnumerateArray(), r =>
        {
            foreach (var field in new[] { "name", "kind", "state", "pid", "url", "health", "healthDescription", "pool", "restartCount", "startedAt", "exitCode" })
            {
                Assert.True(r.TryGetProperty(field, out _), $"missing {field}");
            }
        });
    }

    [Fact]
    public async Task GetPools_EveryPoolWithItsNodes()
    {
        var pools = await _client.GetJsonAsync("/api/pools");

        Assert.Equal(["local", "sticky"], pools.EnumerateArray().Select(p => p.GetProperty("strategy").GetString()));
    }

    [Fact]
    public async Task RemoveNode_LastNodeOfItsPool_Answers409AndKeepsIt()
    {
        using var response = await _client.DeleteAsync(new Uri("/api/pools/local/nodes/local-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("last node", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.NotNull(host.App.FindResource("local-1"));
    }

    [Theory]
    [InlineData("/api/pools/nope/nodes/local-1", "unknown pool")]
    [InlineData("/api/pools/local/nodes/sticky-1", "unknown node")]
    [InlineData("/api/pools/local/nodes/local-9", "unknown node")]
    public async Task RemoveNode_UnknownPoolOrNode_Answers404WithReason(string url, string error)
    {
        using var response = await _client.DeleteAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(error, (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task AddNode_UnknownPool_Answers404()
    {
        using var response = await _client.PostAsync(new Uri("/api/pools/redis/nodes", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown pool", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task SetLoadBalancing_KnownPolicy_IsRememberedAndShownEverywhere()
    {
        try
        {
            using var put = await _client.PutAsJsonAsync(new Uri("/api/gateway/load-balancing", UriKind.Relative), new { policy = "LeastRequests" });

            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("LeastRequests", (await put.JsonAsync()).GetProperty("policy").GetString());
            Assert.Equal("LeastRequests", host.App.LoadBalancing);
            Assert.Equal("LeastRequests", (await _client.GetJsonAsync("/api/gateway/load-balancing")).GetProperty("policy").GetString());
            Assert.Equal("LeastRequests", (await _client.GetJsonAsync("/api/state")).GetProperty("loadBalancing").GetString());
        }
        finally
        {
            await host.App.SetLoadBalancingAsync("RoundRobin");
        }
    }

    [Theory]
    [InlineData("""{"policy":"Fastest"}""", "unknown policy")]
    [InlineData("""{"policy":"roundrobin"}""", "unknown policy")]
    [InlineData("""{}""", "unknown policy")]
    [InlineData("""{"policy":""", "invalid body")]
    public async Task SetLoadBalancing_BadBody_Answers400WithJsonReason(string body, string error)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await _client.PutAsync(new Uri("/api/gateway/load-balancing", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(error, (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal("RoundRobin", host.App.LoadBalancing);
    }

    [Fact]
    public async Task SetLoadBalancing_NotJson_Answers400()
    {
        using var content = new StringContent("policy=Random", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _client.PutAsync(new Uri("/api/gateway/load-balancing", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid body", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task SetLoadBalancingAsync_UnknownPolicy_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => host.App.SetLoadBalancingAsync("Fastest"));
}
