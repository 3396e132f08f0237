using System.Net;
using System.Text.Json;
using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Lab;

/// <summary>
/// The lab's control API (<c>/api/resources</c>) on a real cluster: Aspire's resources as the page shows them, only for
/// a caller with the run's token and the lab's own host name.
/// </summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class ControlApiTests(LocalAndStickyCluster cluster)
{
    [Fact]
    public async Task GetResources_RunningCluster_ListsGatewayAndEveryNodeRunningAndHealthyAndTheSparesNotStarted()
    {
        using var lab = cluster.CreateLabClient();
        using var response = await lab.GetAsync("api/resources");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var resources = (await response.JsonAsync()).EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var gateway = resources["gateway"];
        Assert.Equal("gateway", gateway.GetProperty("kind").GetString());
        Assert.Equal(cluster.Gateway.ToString().TrimEnd('/'), gateway.GetProperty("url").GetString());
        Assert.True(gateway.GetProperty("pid").GetInt32() > 0);
        foreach (var name in new[] { "local-1", "local-2", "local-3", "sticky-1", "sticky-2", "sticky-3" })
        {
            var node = resources[name];
            Assert.Equal("node", node.GetProperty("kind").GetString());
            Assert.Equal("running", node.GetProperty("state").GetString());
            Assert.Equal("healthy", node.GetProperty("health").GetString());
            Assert.True(node.GetProperty("pid").GetInt32() > 0);
        }

        // Cluster:SpareNodesPerStrategy=2: explicit-start resources, for scale-out.
        foreach (var name in new[] { "local-4", "local-5", "sticky-4", "sticky-5" })
        {
            Assert.Equal(JsonValueKind.Null, resources[name].GetProperty("pid").ValueKind);
        }
    }

    [Fact]
    public async Task PostAction_UnknownActionOrResource_Answers400Or404WithReason()
    {
        using var lab = cluster.CreateLabClient();
        using var badAction = await lab.PostAsync("api/resources/local-1/explode", null);
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Equal("unknown action", (await badAction.JsonAsync()).GetProperty("error").GetString());

        using var badName = await lab.PostAsync("api/resources/nope-9/kill", null);
        Assert.Equal(HttpStatusCode.NotFound, badName.StatusCode);
        Assert.Equal("unknown resource", (await badName.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task PostKill_NoToken_Answers403AndTheNodeKeepsRunning()
    {
        using var lab = cluster.CreateLabClientWithoutToken();
        var before = cluster.Control.FindResource("sticky-3")!;

        using var response = await lab.PostAsync("api/resources/sticky-3/kill", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("control token required", (await response.JsonAsync()).GetProperty("error").GetString());
        var after = cluster.Control.FindResource("sticky-3")!;
        Assert.Equal("running", after.State);
        Assert.Equal(before.Pid, after.Pid);
    }

    [Fact]
    public async Task GetResources_ForeignHost_Answers400()
    {
        using var lab = cluster.CreateLabClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/resources");
        request.Headers.Host = "rebound.example";

        using var response = await lab.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RestartNode_ComesBackRunningAndHealthyAsANewProcess()
    {
        using var lab = cluster.CreateLabClient();
        var before = cluster.Control.FindResource("local-2")!;
        using var response = await lab.PostAsync("api/resources/local-2/restart", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();
        Assert.Equal("running", view.GetProperty("state").GetString());
        Assert.Equal("healthy", view.GetProperty("health").GetString());
        Assert.NotEqual(before.Pid, view.GetProperty("pid").GetInt32());
        await cluster.WaitUntilServedAsync("local", "local-2");
    }
}
