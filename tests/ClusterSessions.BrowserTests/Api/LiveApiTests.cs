using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using ClusterSessions.BrowserTests.Infrastructure;

namespace ClusterSessions.BrowserTests.Api;

/// <summary>The lab's live endpoints against the real AppHost: the event stream, kill and start, the traffic relay, Try it, compare.</summary>
[Collection(LabCollection.Name)]
public sealed class LiveApiTests(LabCluster cluster)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(20);
    private static readonly string[] Gone = ["finished", "exited"];

    [Fact]
    public async Task Events_NewStream_SendsTheStateWithPoolsAndResourcesAtOnceThenTraffic()
    {
        using var lab = cluster.CreateLabClient();
        using var gateway = cluster.CreateGatewayClient();
        (await gateway.GetAsync("local/api/node?events=1")).Dispose();

        // The relay polls the gateway twice a second: the request shows in the first or a following traffic event.
        var events = await lab.ReadEventsAsync("api/events", e => e.EventType == "traffic" && HasPath(e, "/local/api/node"), StreamTimeout);

        Assert.Equal("state", events[0].EventType);
        var state = events[0].Json();
        Assert.Equal(["local", "sticky", "redis", "jwt"], state.GetProperty("pools").EnumerateArray().Select(p => p.GetProperty("strategy").GetString()));
        var resources = state.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(cluster.RequiredResources.Count + cluster.Spares.Count, resources.Count);
        Assert.Equal("running", resources["redis"].GetProperty("state").GetString());
        Assert.True(resources["gateway"].GetProperty("pid").GetInt32() > 0);
        var traffic = events[^1].Json();
        Assert.Equal(traffic.GetProperty("last").GetInt64().ToString(CultureInfo.InvariantCulture), events[^1].EventId);
    }

    [Fact]
    public async Task KillThenStart_Node_AnswersEachStateAndTheStreamShowsItGone()
    {
        const string node = "sticky-1";
        using var lab = cluster.CreateLabClient();
        var before = cluster.Control.FindResource(node)!.Pid;
        try
        {
            var streamed = lab.ReadEventsAsync("api/events", e => e.EventType == "state" && Gone.Contains(StateOf(e, node)), StreamTimeout);
            using var kill = await lab.PostAsync($"api/resources/{node}/kill", null);
            Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
            var killed = await kill.JsonAsync();
            Assert.Contains(killed.GetProperty("state").GetString(), Gone);
            Assert.Equal(JsonValueKind.Null, killed.GetProperty("pid").ValueKind);
            Assert.Contains(StateOf((await streamed)[^1], node), Gone);

            using var start = await lab.PostAsync($"api/resources/{node}/start", null);
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            var started = await start.JsonAsync();
            Assert.Equal("running", started.GetProperty("state").GetString());
            Assert.Equal("healthy", started.GetProperty("health").GetString());
            Assert.NotEqual(before, started.GetProperty("pid").GetInt32());
        }
        finally
        {
            await cluster.EnsureRunningAsync(node);
        }
    }

    [Fact]
    public async Task GatewayTraffic_AdminPortOnly_RecordsEachProxiedRequestWithItsNode()
    {
        using var gateway = cluster.CreateGatewayClient();
        using var admin = cluster.CreateGatewayAdminClient();
        var before = (await (await admin.GetAsync("_gateway/traffic?limit=1")).JsonAsync()).GetProperty("last").GetInt64();
        var servedBy = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.GetAsync($"local/api/visits?probe={i}");
            servedBy.Add(response.ServedBy());
        }

        var page = await (await admin.GetAsync($"_gateway/traffic?after={before}")).JsonAsync();
        var records = page.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("path").GetString() == "/local/api/visits").ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal(servedBy, records.Select(r => r.GetProperty("node").GetString()));
        Assert.All(records, r =>
        {
            Assert.Equal("local", r.GetProperty("strategy").GetString());
            Assert.Equal("GET", r.GetProperty("method").GetString());
            Assert.Equal(200, r.GetProperty("status").GetInt32());
            Assert.True(r.GetProperty("elapsedMs").GetDouble() >= 0);
        });
        Assert.True(page.GetProperty("counts").GetProperty("local").GetProperty(servedBy[0]!).GetInt64() > 0);

        using var publicPort = await gateway.GetAsync("_gateway/traffic");
        Assert.Equal(HttpStatusCode.NotFound, publicPort.StatusCode);
    }

    [Fact]
    public async Task Traffic_LabRelay_ShowsRequestsThroughTheGateway()
    {
        using var lab = cluster.CreateLabClient();
        using var gateway = cluster.CreateGatewayClient();
        var before = (await (await lab.GetAsync("api/traffic?limit=1")).JsonAsync()).GetProperty("last").GetInt64();
        (await gateway.GetAsync("sticky/api/node?relay=1")).Dispose();

        // The relay polls the gateway at most twice a second.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var update = await (await lab.GetAsync($"api/traffic?after={before}")).JsonAsync();
        while (!update.GetProperty("records").EnumerateArray().Any(IsStickyNode) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            update = await (await lab.GetAsync($"api/traffic?after={before}")).JsonAsync();
        }

        Assert.Equal(JsonValueKind.Null, update.GetProperty("error").ValueKind);
        Assert.Contains(update.GetProperty("records").EnumerateArray(), IsStickyNode);

        static bool IsStickyNode(JsonElement r) =>
            r.GetProperty("path").GetString() == "/sticky/api/node" && r.GetProperty("node").GetString()!.StartsWith("sticky-", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryIt_LocalLoginThenMe_AnswersFromMoreThanOneNodeAndLosesTheSession()
    {
        using var lab = cluster.CreateLabClient();
        (await lab.DeleteAsync("api/try/local")).Dispose();

        using var login = await lab.PostAsJsonAsync("api/try/local/login", new { user = "alice" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var loginStep = await login.JsonAsync();
        Assert.Equal("ok", loginStep.GetProperty("outcome").GetString());
        Assert.Equal("alice", loginStep.GetProperty("user").GetString());
        var steps = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            steps.Add(await (await lab.PostAsync("api/try/local/me", null)).JsonAsync());
        }

        Assert.True(steps.Select(s => s.GetProperty("node").GetString()).Distinct().Count() > 1, "round-robin should reach several local nodes");
        Assert.Contains(steps, s => s.GetProperty("outcome").GetString() == "lost");
        Assert.Equal([2, 3, 4, 5], steps.Select(s => s.GetProperty("step").GetInt32()));
    }

    [Fact]
    public async Task TryIt_StickyLoginThenMe_HoldsOnOneNode()
    {
        using var lab = cluster.CreateLabClient();
        (await lab.DeleteAsync("api/try/sticky")).Dispose();

        var login = await (await lab.PostAsJsonAsync("api/try/sticky/login", new { user = "bob" })).JsonAsync();
        var steps = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            steps.Add(await (await lab.PostAsync("api/try/sticky/me", null)).JsonAsync());
        }

        Assert.All(steps, s =>
        {
            Assert.Equal("held", s.GetProperty("outcome").GetString());
            Assert.Equal(login.GetProperty("node").GetString(), s.GetProperty("node").GetString());
        });
    }

    [Fact]
    public async Task TryIt_BadRequests_AnswerWithReasons()
    {
        using var lab = cluster.CreateLabClient();

        using var unknownPool = await lab.PostAsync("api/try/nope/me", null);
        using var unknownAction = await lab.PostAsync("api/try/local/explode", null);
        using var unknownUser = await lab.PostAsJsonAsync("api/try/local/login", new { user = "mallory" });

        Assert.Equal(HttpStatusCode.NotFound, unknownPool.StatusCode);
        Assert.Equal("unknown pool", (await unknownPool.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.StatusCode);
        Assert.Equal("unknown action", (await unknownAction.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Equal("unknown user", (await unknownUser.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Compare_Get_AnswersItsStateObject()
    {
        using var lab = cluster.CreateLabClient();

        var state = await (await lab.GetAsync("api/compare")).JsonAsync();

        Assert.Contains(state.GetProperty("state").GetString(), new[] { "idle", "running", "done", "failed" });
        Assert.InRange(state.GetProperty("progress").GetDouble(), 0, 1);
        Assert.True(state.TryGetProperty("report", out _));
    }

    private static bool HasPath(SseItem<string> item, string path) =>
        item.Json().GetProperty("records").EnumerateArray().Any(r => r.GetProperty("path").GetString() == path);

    private static string? StateOf(SseItem<string> item, string name) =>
        item.Json().GetProperty("resources").EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } r
            ? r.GetProperty("state").GetString()
            : null;
}
