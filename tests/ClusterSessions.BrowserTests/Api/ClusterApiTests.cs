using System.Net;
using System.Net.Http.Json;
using ClusterSessions.BrowserTests.Infrastructure;

namespace ClusterSessions.BrowserTests.Api;

/// <summary>The Resources view's endpoints against a real cluster: state, pools, live pool changes, the policy.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ClusterApiTests(DashboardCluster cluster)
{
    [Fact]
    public async Task GetState_RunningCluster_ListsEveryResourceRunningWithPoolsAndPolicy()
    {
        using var dashboard = cluster.CreateDashboardClient();

        var state = await (await dashboard.GetAsync("api/state")).JsonAsync();

        var resources = state.GetProperty("resources").EnumerateArray().ToList();
        Assert.Superset(
            new HashSet<string?> { "gateway", "local-1", "local-2", "sticky-1", "sticky-2" },
            resources.Select(r => r.GetProperty("name").GetString()).ToHashSet());
        Assert.All(resources, r =>
        {
            Assert.Equal("running", r.GetProperty("state").GetString());
            Assert.True(r.GetProperty("pid").GetInt32() > 0);
            Assert.True(r.TryGetProperty("restartCount", out _));
            Assert.True(r.TryGetProperty("startedAt", out _));
        });
        Assert.Equal(cluster.Gateway.ToString().TrimEnd('/'), state.GetProperty("gatewayUrl").GetString());
        Assert.Contains("Random", state.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        var pools = state.GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(["local", "sticky"], pools.Select(p => p.GetProperty("strategy").GetString()));
        Assert.True(pools[1].GetProperty("affinity").GetBoolean());
        Assert.Contains("steady", state.GetProperty("compareScenarios").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task AddNodeThenRemoveIt_StickyPool_GatewayRoutesToItThenForgetsIt()
    {
        using var dashboard = cluster.CreateDashboardClient();

        using var added = await dashboard.PostAsync("api/pools/sticky/nodes", null);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var node = (await added.JsonAsync()).GetProperty("name").GetString()!;
        Assert.Equal($"/api/resources/{node}", added.Headers.Location?.ToString());
        Assert.Contains(node, await PoolNodesAsync(dashboard, "sticky"));
        Assert.Equal("running", cluster.App.FindResource(node)!.State.ToString().ToLowerInvariant());
        await WaitUntilServedAsync("sticky", node);

        using var removed = await dashboard.DeleteAsync($"api/pools/sticky/nodes/{node}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain(node, await PoolNodesAsync(dashboard, "sticky"));
        using var gone = await dashboard.GetAsync($"api/resources/{node}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task SetLoadBalancing_KnownPolicy_GatewayPoolsUseItUntilChangedBack()
    {
        using var dashboard = cluster.CreateDashboardClient();
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{cluster.GatewayAdminPort}/") };
        try
        {
            using var put = await dashboard.PutAsJsonAsync("api/gateway/load-balancing", new { policy = "FirstAlphabetical" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("FirstAlphabetical", (await put.JsonAsync()).GetProperty("policy").GetString());

            var pools = await (await admin.GetAsync("_gateway/pools")).JsonAsync();
            Assert.Equal("FirstAlphabetical", pools.GetProperty("local").GetProperty("loadBalancing").GetString());
            Assert.Equal("FirstAlphabetical", pools.GetProperty("sticky").GetProperty("loadBalancing").GetString());
            var get = await (await dashboard.GetAsync("api/gateway/load-balancing")).JsonAsync();
            Assert.Equal("FirstAlphabetical", get.GetProperty("policy").GetString());
        }
        finally
        {
            (await dashboard.PutAsJsonAsync("api/gateway/load-balancing", new { policy = "RoundRobin" })).Dispose();
        }

        var restored = await (await admin.GetAsync("_gateway/pools")).JsonAsync();
        Assert.Equal("RoundRobin", restored.GetProperty("local").GetProperty("loadBalancing").GetString());
    }

    [Fact]
    public async Task SetLoadBalancing_UnknownPolicy_Answers400WithReasonAndKeepsThePolicy()
    {
        using var dashboard = cluster.CreateDashboardClient();

        using var put = await dashboard.PutAsJsonAsync("api/gateway/load-balancing", new { policy = "Fastest" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.JsonAsync();
        Assert.Equal("unknown policy", problem.GetProperty("error").GetString());
        Assert.Contains("RoundRobin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("RoundRobin", cluster.App.LoadBalancing);
    }

    private static async Task<List<string?>> PoolNodesAsync(HttpClient dashboard, string strategy)
    {
        var pools = await (await dashboard.GetAsync("api/pools")).JsonAsync();
        return pools.EnumerateArray().Single(p => p.GetProperty("strategy").GetString() == strategy)
            .GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).ToList();
    }

    private async Task WaitUntilServedAsync(string strategy, string node)
    {
        using var gateway = cluster.CreateGatewayClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var seen = new List<string?>();
        while (DateTime.UtcNow < deadline)
        {
            using var response = await gateway.GetAsync($"{strategy}/api/node");
            if (response.ServedBy() == node)
            {
                return;
            }

            seen.Add(response.ServedBy());
            await Task.Delay(50);
        }

        Assert.Fail($"the gateway never routed to {node}; it answered from {string.Join(", ", seen.Distinct())}");
    }
}
