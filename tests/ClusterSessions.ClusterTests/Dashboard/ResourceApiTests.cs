using System.Net;
using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Dashboard;

[Collection(LocalAndStickyCollection.Name)]
public sealed class ResourceApiTests(LocalAndStickyCluster cluster)
{
    [Fact]
    public async Task GetResources_RunningCluster_ListsGatewayAndEveryNodeRunningAndHealthy()
    {
        using var dashboard = cluster.CreateDashboardClient();
        using var response = await dashboard.GetAsync("api/resources");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var resources = (await response.JsonAsync()).EnumerateArray().ToList();
        var names = resources.Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("gateway", names);
        Assert.Superset(new HashSet<string?> { "local-1", "local-2", "local-3", "sticky-1", "sticky-2", "sticky-3" }, names.ToHashSet());
        var gateway = resources.Single(r => r.GetProperty("name").GetString() == "gateway");
        Assert.Equal("gateway", gateway.GetProperty("kind").GetString());
        Assert.Equal(cluster.Gateway.ToString().TrimEnd('/'), gateway.GetProperty("url").GetString());
        Assert.True(gateway.GetProperty("pid").GetInt32() > 0);
    }

    [Fact]
    public async Task PostAction_UnknownActionOrResource_Answers400Or404WithReason()
    {
        using var dashboard = cluster.CreateDashboardClient();
        using var badAction = await dashboard.PostAsync("api/resources/local-1/explode", null);
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Equal("unknown action", (await badAction.JsonAsync()).GetProperty("error").GetString());

        using var badName = await dashboard.PostAsync("api/resources/nope-9/kill", null);
        Assert.Equal(HttpStatusCode.NotFound, badName.StatusCode);
    }

    [Fact]
    public async Task RestartNode_ComesBackRunningWithARestartCounted()
    {
        using var dashboard = cluster.CreateDashboardClient();
        var before = cluster.App.FindResource("local-2")!.RestartCount;
        using var response = await dashboard.PostAsync("api/resources/local-2/restart", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();
        Assert.Equal("running", view.GetProperty("state").GetString());
        Assert.Equal(before + 1, view.GetProperty("restartCount").GetInt32());
        await cluster.WaitUntilServedAsync("local", "local-2");
    }
}
