using System.Net;
using System.Net.Http.Json;
using ClusterSessions.BrowserTests.Infrastructure;

namespace ClusterSessions.BrowserTests.Api;

/// <summary>The live endpoints against a real cluster: event streams, the gateway's traffic and its relay, the Try it relay.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveApiTests(DashboardCluster cluster)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Events_NewStream_SendsTheStateAtOnceThenTraffic()
    {
        using var dashboard = cluster.CreateDashboardClient();
        using var gateway = cluster.CreateGatewayClient();
        (await gateway.GetAsync("local/api/node?events=1")).Dispose();

        // The relay polls the gateway twice a second: the request shows in the first or a following traffic event.
        var events = await dashboard.ReadEventsAsync("api/events", e => e.EventType == "traffic" && HasPath(e, "/local/api/node"), StreamTimeout);

        Assert.Equal("state", events[0].EventType);
        var names = events[0].Json().GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString());
        Assert.Contains("local-1", names);
        var traffic = events[^1].Json();
        Assert.Equal(traffic.GetProperty("last").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), events[^1].EventId);
        Assert.True(HasPath(events[^1], "/local/api/node"));
    }

    [Fact]
    public async Task Events_ResourceKilled_StateEventShowsItStoppedThenRunningAfterStart()
    {
        using var dashboard = cluster.CreateDashboardClient();
        const string node = "sticky-1";
        var streamed = dashboard.ReadEventsAsync("api/events", e => e.EventType == "state" && StateOf(e, node) == "stopped", StreamTimeout);
        try
        {
            using var kill = await dashboard.PostAsync($"api/resources/{node}/kill", null);
            Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
            Assert.Equal("stopped", StateOf((await streamed)[^1], node));
        }
        finally
        {
            using var start = await dashboard.PostAsync($"api/resources/{node}/start", null);
            Assert.Equal("running", (await start.JsonAsync()).GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task LogEvents_Node_SendsItsTailWithLevelsAndResumesAfterLastEventId()
    {
        using var dashboard = cluster.CreateDashboardClient();

        var first = (await dashboard.ReadEventsAsync("api/resources/local-1/logs/events?tail=3", _ => true, StreamTimeout)).Single();

        Assert.Equal("lines", first.EventType);
        var lines = first.Json().EnumerateArray().ToList();
        Assert.InRange(lines.Count, 1, 3);
        Assert.All(lines, l => Assert.Contains(l.GetProperty("level").GetString(), new[] { "trce", "dbug", "info", "warn", "fail", "crit" }));
        Assert.Equal(lines[^1].GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), first.EventId);

        // A reconnect (Last-Event-ID) gets only what came after: nothing, until the node logs again.
        var resumed = (await dashboard.ReadEventsAsync(
            "api/resources/local-1/logs/events", _ => true, StreamTimeout, new Dictionary<string, string> { ["Last-Event-ID"] = first.EventId! })).Single();
        Assert.DoesNotContain(resumed.Json().EnumerateArray(), l => l.GetProperty("sequence").GetInt64() <= long.Parse(first.EventId!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task LogEvents_UnknownResource_Answers404()
    {
        using var dashboard = cluster.CreateDashboardClient();

        using var response = await dashboard.GetAsync("api/resources/nope-1/logs/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown resource", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task GatewayTraffic_AdminPortOnly_RecordsEachProxiedRequestWithItsNode()
    {
        using var gateway = cluster.CreateGatewayClient();
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{cluster.GatewayAdminPort}/") };
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
        Assert.True(page.GetProperty("counts").GetProperty("local").GetProperty("local-1").GetInt64() > 0);

        using var publicPort = await gateway.GetAsync("_gateway/traffic");
        Assert.Equal(HttpStatusCode.NotFound, publicPort.StatusCode);
    }

    [Fact]
    public async Task Traffic_DashboardRelay_ShowsRequestsThroughTheGateway()
    {
        using var dashboard = cluster.CreateDashboardClient();
        using var gateway = cluster.CreateGatewayClient();
        var before = (await (await dashboard.GetAsync("api/traffic?limit=1")).JsonAsync()).GetProperty("last").GetInt64();
        (await gateway.GetAsync("sticky/api/node?relay=1")).Dispose();
        await Task.Delay(500);

        var update = await (await dashboard.GetAsync($"api/traffic?after={before}")).JsonAsync();

        Assert.True(update.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Contains(update.GetProperty("records").EnumerateArray(), r =>
            r.GetProperty("path").GetString() == "/sticky/api/node" && r.GetProperty("node").GetString()!.StartsWith("sticky-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryIt_LocalLoginThenMe_AnswersFromMoreThanOneNodeAndLosesTheSession()
    {
        using var dashboard = cluster.CreateDashboardClient();
        (await dashboard.DeleteAsync("api/try/local")).Dispose();

        using var login = await dashboard.PostAsJsonAsync("api/try/local/login", new { user = "alice" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var loginStep = await login.JsonAsync();
        Assert.Equal("ok", loginStep.GetProperty("outcome").GetString());
        Assert.Equal("alice", loginStep.GetProperty("user").GetString());
        var steps = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            steps.Add(await (await dashboard.PostAsync("api/try/local/me", null)).JsonAsync());
        }

        Assert.True(steps.Select(s => s.GetProperty("node").GetString()).Distinct().Count() > 1, "round-robin should reach both local nodes");
        Assert.Contains(steps, s => s.GetProperty("outcome").GetString() == "lost");
        Assert.Equal([2, 3, 4, 5], steps.Select(s => s.GetProperty("step").GetInt32()));
    }

    [Fact]
    public async Task TryIt_StickyLoginThenMe_HoldsOnOneNode()
    {
        using var dashboard = cluster.CreateDashboardClient();
        (await dashboard.DeleteAsync("api/try/sticky")).Dispose();

        var login = await (await dashboard.PostAsJsonAsync("api/try/sticky/login", new { user = "bob" })).JsonAsync();
        var steps = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            steps.Add(await (await dashboard.PostAsync("api/try/sticky/me", null)).JsonAsync());
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
        using var dashboard = cluster.CreateDashboardClient();

        using var unknownPool = await dashboard.PostAsync("api/try/nope/me", null);
        using var unknownAction = await dashboard.PostAsync("api/try/local/explode", null);
        using var unknownUser = await dashboard.PostAsJsonAsync("api/try/local/login", new { user = "mallory" });

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
        using var dashboard = cluster.CreateDashboardClient();

        var state = await (await dashboard.GetAsync("api/compare")).JsonAsync();

        Assert.Contains(state.GetProperty("state").GetString(), new[] { "idle", "running", "done", "failed" });
        Assert.InRange(state.GetProperty("progress").GetDouble(), 0, 1);
        Assert.True(state.TryGetProperty("report", out _));
    }

    private static bool HasPath(System.Net.ServerSentEvents.SseItem<string> item, string path) =>
        item.Json().GetProperty("records").EnumerateArray().Any(r => r.GetProperty("path").GetString() == path);

    private static string? StateOf(System.Net.ServerSentEvents.SseItem<string> item, string name) =>
        item.Json().GetProperty("resources").EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("name").GetString() == name) is { ValueKind: System.Text.Json.JsonValueKind.Object } r
            ? r.GetProperty("state").GetString()
            : null;
}
