using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterSessions.BrowserTests.Infrastructure;

namespace ClusterSessions.BrowserTests.Api;

/// <summary>The lab's control API against the real AppHost: resources, the whole state, pools, the load-balancing policy.</summary>
[Collection(LabCollection.Name)]
public sealed class ClusterApiTests(LabCluster cluster)
{
    [Fact]
    public async Task GetResources_RunningCluster_ListsEveryResourceWithPidAndHealthAndTheSparesStopped()
    {
        using var lab = cluster.CreateLabClient();

        var resources = (await (await lab.GetAsync("api/resources")).JsonAsync()).EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.Equal(LabCluster.RequiredResourceCount, cluster.RequiredResources.Count);
        Assert.Equal([.. cluster.RequiredResources.Concat(cluster.Spares).Order()], resources.Keys.Order());
        Assert.All(cluster.RequiredResources, name =>
        {
            var resource = resources[name];
            Assert.Equal("running", resource.GetProperty("state").GetString());
            Assert.Equal("healthy", resource.GetProperty("health").GetString());
            Assert.True(resource.GetProperty("pid").GetInt32() > 0, $"{name} has no pid");
            Assert.Equal(JsonValueKind.String, resource.GetProperty("startedAt").ValueKind);
        });
        Assert.All(cluster.Spares, name =>
        {
            // Not started, or started and removed again by another test: either way no process.
            Assert.DoesNotContain(resources[name].GetProperty("state").GetString(), new[] { "running", "starting" });
            Assert.Equal(JsonValueKind.Null, resources[name].GetProperty("pid").ValueKind);
        });
        Assert.Equal("redis", resources["redis"].GetProperty("kind").GetString());
        Assert.Equal("gateway", resources["gateway"].GetProperty("kind").GetString());
        Assert.Equal(cluster.Gateway.ToString().TrimEnd('/'), resources["gateway"].GetProperty("url").GetString());
        Assert.Equal("node", resources["jwt-2"].GetProperty("kind").GetString());
        Assert.Equal("jwt", resources["jwt-2"].GetProperty("pool").GetString());
    }

    [Fact]
    public async Task GetState_RunningCluster_HasPoolsPoliciesScenariosAndTheDashboardLink()
    {
        using var lab = cluster.CreateLabClient();

        var state = await (await lab.GetAsync("api/state")).JsonAsync();

        Assert.Equal(cluster.Gateway.ToString().TrimEnd('/'), state.GetProperty("gatewayUrl").GetString());
        Assert.Equal(cluster.DashboardLogin.ToString(), state.GetProperty("dashboardUrl").GetString());
        Assert.Equal("RoundRobin", state.GetProperty("loadBalancing").GetString());
        Assert.Contains("Random", state.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        var pools = state.GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(["local", "sticky", "redis", "jwt"], pools.Select(p => p.GetProperty("strategy").GetString()));
        Assert.Equal([false, true, false, false], pools.Select(p => p.GetProperty("affinity").GetBoolean()));
        Assert.Equal(["redis-1", "redis-2", "redis-3"], pools[2].GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["redis-4", "redis-5"], pools[2].GetProperty("spares").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(cluster.RequiredResources.Count + cluster.Spares.Count, state.GetProperty("resources").GetArrayLength());
        Assert.Contains("steady", state.GetProperty("compareScenarios").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ResourceAction_UnknownResourceOrAction_Answers404Or400WithAReason()
    {
        using var lab = cluster.CreateLabClient();

        using var unknownResource = await lab.PostAsync("api/resources/nope-1/kill", null);
        using var unknownAction = await lab.PostAsync("api/resources/local-1/explode", null);

        Assert.Equal(HttpStatusCode.NotFound, unknownResource.StatusCode);
        Assert.Equal("unknown resource", (await unknownResource.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.StatusCode);
        Assert.Equal("unknown action", (await unknownAction.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal("running", cluster.Control.FindResource("local-1")!.State);
    }

    [Fact]
    public async Task AddNodeThenRemoveIt_LocalPool_GatewayRoutesToTheSpareThenForgetsIt()
    {
        using var lab = cluster.CreateLabClient();
        string? node = null;
        try
        {
            using var added = await lab.PostAsync("api/pools/local/nodes", null);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var view = await added.JsonAsync();
            node = view.GetProperty("name").GetString()!;
            Assert.Equal("local-4", node);
            Assert.Equal($"/api/resources/{node}", added.Headers.Location?.ToString());
            Assert.Equal("running", view.GetProperty("state").GetString());
            Assert.Equal("healthy", view.GetProperty("health").GetString());
            Assert.Contains(node, (await PoolAsync(lab, "local")).Nodes);
            await WaitUntilServedAsync("local", node, served: true);

            using var removed = await lab.DeleteAsync($"api/pools/local/nodes/{node}");
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            var pool = await PoolAsync(lab, "local");
            Assert.DoesNotContain(node, pool.Nodes);
            Assert.Contains(node, pool.Spares);
            Assert.DoesNotContain(cluster.Control.FindResource(node)!.State, new[] { "running", "starting" });
            await WaitUntilServedAsync("local", node, served: false);
        }
        finally
        {
            if (node is not null && cluster.Model.FindPool("local")!.Members.Any(m => m.Name == node))
            {
                await cluster.Control.RemoveNodeAsync(node);
            }
        }
    }

    [Fact]
    public async Task PoolNodes_UnknownNodeOrPool_Answer404WithAReasonAndKeepThePool()
    {
        using var lab = cluster.CreateLabClient();

        using var unknownNode = await lab.DeleteAsync("api/pools/local/nodes/local-9");
        using var unknownPool = await lab.PostAsync("api/pools/nope/nodes", null);

        Assert.Equal(HttpStatusCode.NotFound, unknownNode.StatusCode);
        Assert.Equal("unknown node", (await unknownNode.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownPool.StatusCode);
        Assert.Equal("unknown pool", (await unknownPool.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(["local-1", "local-2", "local-3"], (await PoolAsync(lab, "local")).Nodes);
    }

    [Fact]
    public async Task SetLoadBalancing_KnownPolicy_GatewayPoolsUseItUntilChangedBack()
    {
        using var lab = cluster.CreateLabClient();
        using var admin = cluster.CreateGatewayAdminClient();
        try
        {
            using var put = await lab.PutAsJsonAsync("api/gateway/load-balancing", new { policy = "FirstAlphabetical" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("FirstAlphabetical", (await put.JsonAsync()).GetProperty("policy").GetString());

            var pools = await (await admin.GetAsync("_gateway/pools")).JsonAsync();
            Assert.All(new[] { "local", "sticky", "redis", "jwt" }, strategy =>
                Assert.Equal("FirstAlphabetical", pools.GetProperty(strategy).GetProperty("loadBalancing").GetString()));
            var get = await (await lab.GetAsync("api/gateway/load-balancing")).JsonAsync();
            Assert.Equal("FirstAlphabetical", get.GetProperty("policy").GetString());
        }
        finally
        {
            (await lab.PutAsJsonAsync("api/gateway/load-balancing", new { policy = "RoundRobin" })).Dispose();
        }

        var restored = await (await admin.GetAsync("_gateway/pools")).JsonAsync();
        Assert.Equal("RoundRobin", restored.GetProperty("local").GetProperty("loadBalancing").GetString());
    }

    [Fact]
    public async Task SetLoadBalancing_UnknownPolicy_Answers400WithReasonAndKeepsThePolicy()
    {
        using var lab = cluster.CreateLabClient();

        using var put = await lab.PutAsJsonAsync("api/gateway/load-balancing", new { policy = "Fastest" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.JsonAsync();
        Assert.Equal("unknown policy", problem.GetProperty("error").GetString());
        Assert.Contains("RoundRobin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("RoundRobin", cluster.Model.LoadBalancing);
    }

    private static async Task<(List<string?> Nodes, List<string?> Spares)> PoolAsync(HttpClient lab, string strategy)
    {
        var pools = await (await lab.GetAsync("api/pools")).JsonAsync();
        var pool = pools.EnumerateArray().Single(p => p.GetProperty("strategy").GetString() == strategy);
        return (
            pool.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).ToList(),
            pool.GetProperty("spares").EnumerateArray().Select(n => n.GetString()).ToList());
    }

    /// <summary>Until the gateway routes to <paramref name="node"/> (or, with <paramref name="served"/> false, a dozen requests in a row avoid it).</summary>
    private async Task WaitUntilServedAsync(string strategy, string node, bool served)
    {
        using var gateway = cluster.CreateGatewayClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var seen = new List<string?>();
        while (DateTime.UtcNow < deadline)
        {
            var batch = new List<string?>();
            for (var i = 0; i < 12; i++)
            {
                using var response = await gateway.GetAsync($"{strategy}/api/node");
                batch.Add(response.ServedBy());
            }

            seen.AddRange(batch);
            if (batch.Contains(node) == served)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the gateway {(served ? "never routed to" : "still routes to")} {node}; it answered from {string.Join(", ", seen.Distinct())}");
    }
}
