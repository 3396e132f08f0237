using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.AppHost.Lab.Pools;

/// <summary>Scale-out, scale-in and load balancing from the lab: Aspire's commands (a fake) and the gateway's admin API (a fake).</summary>
public sealed class LabPoolEndpointsTests : IAsyncLifetime
{
    private readonly FakeGatewayAdmin _gateway = new();
    private readonly LabHost _host;
    private HttpClient _client = null!;

    public LabPoolEndpointsTests() => _host = new LabHost(_gateway);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _client = _host.CreateClient();
        _host.Resources.Set("gateway", FakeResourceControl.Running(100));
        foreach (var node in _host.Model.Pools.SelectMany(p => p.Nodes))
        {
            _host.Resources.Set(node.Name, node.Spare ? FakeResourceControl.NotStarted() : FakeResourceControl.Running(200));
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _gateway.Dispose();
    }

    [Fact]
    public async Task GetPools_EveryPoolWithItsNodesAndSpares()
    {
        var pools = await _client.GetJsonAsync("/api/pools");

        Assert.Equal(["local", "sticky"], pools.EnumerateArray().Select(p => p.GetProperty("strategy").GetString()));
        Assert.Equal(["local-1", "local-2"], pools[0].GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["local-3"], pools[0].GetProperty("spares").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task AddNode_SpareLeft_StartsTheFirstSpareAndThePoolRoutesToIt()
    {
        using var response = await _client.PostAsync(new Uri("/api/pools/local/nodes", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/resources/local-3", response.Headers.Location?.ToString());
        Assert.Equal("running", (await response.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal([("local-3", KnownResourceCommands.StartCommand)], _host.Resources.Executed);
        Assert.Equal(["local-1", "local-2", "local-3"], _host.Model.FindPool("local")!.Members.Select(n => n.Name));
        var update = Assert.Single(_gateway.Requests);
        Assert.Equal(HttpMethod.Put, update.Method);
        Assert.Equal("/_gateway/pools/local", update.Path);
        Assert.Equal(["local-1", "local-2", "local-3"], Destinations(update.Body));
        var spare = _host.Model.FindPool("local")!.Nodes.Single(n => n.Name == "local-3");
        Assert.Equal(spare.H2cUrl + "/", Json(update.Body).GetProperty("destinations").GetProperty("local-3").GetString());
    }

    [Fact]
    public async Task AddNode_NoSpareLeft_Answers409AndStartsNothingMore()
    {
        (await _client.PostAsync(new Uri("/api/pools/sticky/nodes", UriKind.Relative), null)).Dispose();

        using var response = await _client.PostAsync(new Uri("/api/pools/sticky/nodes", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("scale-out failed", problem.GetProperty("error").GetString());
        Assert.Contains("no spare node left", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(_host.Resources.Executed);
    }

    [Fact]
    public async Task AddNode_SpareFailsToStart_Answers409AndThePoolIsUnchanged()
    {
        _host.Resources.FailNext("local-3", "DCP refused");

        using var response = await _client.PostAsync(new Uri("/api/pools/local/nodes", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("DCP refused", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["local-1", "local-2"], _host.Model.FindPool("local")!.Members.Select(n => n.Name));
        Assert.Empty(_gateway.Requests);
    }

    [Fact]
    public async Task AddNode_UnknownPool_Answers404()
    {
        using var response = await _client.PostAsync(new Uri("/api/pools/redis/nodes", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown pool", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Empty(_host.Resources.Executed);
    }

    [Fact]
    public async Task RemoveNode_Member_LeavesThePoolThenStops()
    {
        using var response = await _client.DeleteAsync(new Uri("/api/pools/local/nodes/local-2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["local-1"], _host.Model.FindPool("local")!.Members.Select(n => n.Name));
        Assert.Equal(["local-1"], Destinations(Assert.Single(_gateway.Requests).Body));
        Assert.Equal([("local-2", KnownResourceCommands.StopCommand)], _host.Resources.Executed);
    }

    [Fact]
    public async Task RemoveNode_LastMemberOfItsPool_Answers409AndKeepsIt()
    {
        (await _client.DeleteAsync(new Uri("/api/pools/local/nodes/local-2", UriKind.Relative))).Dispose();

        using var response = await _client.DeleteAsync(new Uri("/api/pools/local/nodes/local-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("last node", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(["local-1"], _host.Model.FindPool("local")!.Members.Select(n => n.Name));
        Assert.DoesNotContain(("local-1", KnownResourceCommands.StopCommand), _host.Resources.Executed);
    }

    [Theory]
    [InlineData("/api/pools/nope/nodes/local-1", "unknown pool")]
    [InlineData("/api/pools/local/nodes/sticky-1", "unknown node")]
    [InlineData("/api/pools/local/nodes/local-3", "unknown node")]
    [InlineData("/api/pools/local/nodes/local-9", "unknown node")]
    public async Task RemoveNode_UnknownPoolOrNode_Answers404WithReason(string url, string error)
    {
        using var response = await _client.DeleteAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(error, (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Empty(_host.Resources.Executed);
    }

    [Fact]
    public async Task SetLoadBalancing_KnownPolicy_ChangesTheModelAndEveryGatewayPool()
    {
        using var put = await _client.PutAsJsonAsync(new Uri("/api/gateway/load-balancing", UriKind.Relative), new { policy = "LeastRequests" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("LeastRequests", (await put.JsonAsync()).GetProperty("policy").GetString());
        Assert.Equal("LeastRequests", _host.Model.LoadBalancing);
        Assert.Equal("LeastRequests", (await _client.GetJsonAsync("/api/gateway/load-balancing")).GetProperty("policy").GetString());
        Assert.Equal("LeastRequests", (await _client.GetJsonAsync("/api/state")).GetProperty("loadBalancing").GetString());
        Assert.Equal(["/_gateway/pools/local", "/_gateway/pools/sticky"], _gateway.Requests.Select(r => r.Path));
        Assert.All(_gateway.Requests, r => Assert.Equal("LeastRequests", Json(r.Body).GetProperty("loadBalancing").GetString()));
    }

    [Fact]
    public async Task SetLoadBalancing_GatewayNotRunning_ChangesTheModelOnly()
    {
        _host.Resources.Set("gateway", FakeResourceControl.Exited(0));

        using var put = await _client.PutAsJsonAsync(new Uri("/api/gateway/load-balancing", UriKind.Relative), new { policy = "Random" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Random", _host.Model.LoadBalancing);
        Assert.Empty(_gateway.Requests);
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
        Assert.Equal("RoundRobin", _host.Model.LoadBalancing);
        Assert.Empty(_gateway.Requests);
    }

    [Fact]
    public async Task SetLoadBalancing_NotJson_Answers400()
    {
        using var content = new StringContent("policy=Random", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _client.PutAsync(new Uri("/api/gateway/load-balancing", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid body", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    private static IEnumerable<string> Destinations(string body) =>
        Json(body).GetProperty("destinations").EnumerateObject().Select(d => d.Name);

    private static JsonElement Json(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
