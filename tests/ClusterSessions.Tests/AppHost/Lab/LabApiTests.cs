using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>The lab's resource API over Aspire's snapshots and commands (a fake Aspire, a described cluster).</summary>
public sealed class LabApiTests : IAsyncLifetime
{
    private readonly LabHost _host = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task GetResources_Snapshots_ListsStoreGatewayAndNodesWithStateHealthAndPid()
    {
        _host.Resources.Set("redis", FakeResourceControl.Running(101));
        _host.Resources.Set("gateway", FakeResourceControl.Running(102));
        _host.Resources.Set("local-1", FakeResourceControl.Running(103, HealthStatus.Unhealthy, "redis: down"));
        _host.Resources.Set("local-3", FakeResourceControl.NotStarted());
        _host.Resources.Set("sticky-1", FakeResourceControl.Exited(137));

        var resources = (await _client.GetJsonAsync("/api/resources")).EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.Equal(["redis", "gateway", "local-1", "local-2", "local-3", "sticky-1", "sticky-2", "sticky-3"], resources.Keys);
        Assert.Equal(["redis", "gateway", "node"], resources.Values.Select(r => r.GetProperty("kind").GetString()).Distinct());
        Assert.Equal(101, resources["redis"].GetProperty("pid").GetInt32());
        Assert.Equal("healthy", resources["gateway"].GetProperty("health").GetString());
        Assert.Equal(_host.Model.Gateway!.Url.ToString().TrimEnd('/'), resources["gateway"].GetProperty("url").GetString());
        var local1 = resources["local-1"];
        Assert.Equal("running", local1.GetProperty("state").GetString());
        Assert.Equal(103, local1.GetProperty("pid").GetInt32());
        Assert.Equal("unhealthy", local1.GetProperty("health").GetString());
        Assert.Equal("redis: down", local1.GetProperty("healthDescription").GetString());
        Assert.Equal("local", local1.GetProperty("pool").GetString());
        Assert.Equal(_host.Model.Pools[0].Nodes[0].Url, local1.GetProperty("url").GetString());
        Assert.Equal(TestClock.Start, local1.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal("unknown", resources["local-2"].GetProperty("state").GetString());
        Assert.Equal("not-started", resources["local-3"].GetProperty("state").GetString());
        Assert.Equal("exited", resources["sticky-1"].GetProperty("state").GetString());
        Assert.Equal(137, resources["sticky-1"].GetProperty("exitCode").GetInt32());
        Assert.All(["local-3", "sticky-1"], name =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, resources[name].GetProperty("pid").ValueKind);
            Assert.Equal("unknown", resources[name].GetProperty("health").GetString());
        });
    }

    [Fact]
    public async Task GetResources_ContractFields_ArePresentForEveryResource()
    {
        var resources = await _client.GetJsonAsync("/api/resources");

        Assert.All(resources.EnumerateArray(), r =>
        {
            foreach (var field in new[] { "name", "kind", "state", "pid", "url", "health", "healthDescription", "pool", "startedAt", "exitCode" })
            {
                Assert.True(r.TryGetProperty(field, out _), $"missing {field}");
            }
        });
    }

    [Fact]
    public async Task GetResource_Known_AnswersItsView()
    {
        _host.Resources.Set("sticky-2", FakeResourceControl.Running(104));

        var resource = await _client.GetJsonAsync("/api/resources/sticky-2");

        Assert.Equal("sticky-2", resource.GetProperty("name").GetString());
        Assert.Equal(104, resource.GetProperty("pid").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/resources/nope-1")]
    [InlineData("POST", "/api/resources/nope-1/kill")]
    public async Task Resource_Unknown_Answers404ProblemWithError(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unknown resource", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Empty(_host.Resources.Executed);
    }

    [Theory]
    [InlineData("dance")]
    [InlineData("0")]
    public async Task PostAction_Unknown_Answers400AndRunsNothing(string action)
    {
        using var response = await _client.PostAsync(new Uri($"/api/resources/local-1/{action}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown action", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Empty(_host.Resources.Executed);
    }

    // Aspire's own command names (the dashboard's Start, Stop and Restart buttons) and the AppHost's Kill.
    public static TheoryData<string, string> Commands => new()
    {
        { "kill", "kill" },
        { "stop", KnownResourceCommands.StopCommand },
        { "Restart", KnownResourceCommands.RestartCommand },
        { "start", KnownResourceCommands.StartCommand },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task PostAction_Known_RunsTheAspireCommandOnThatResource(string action, string command)
    {
        _host.Resources.Set("local-2", FakeResourceControl.Running(200));

        using var response = await _client.PostAsync(new Uri($"/api/resources/local-2/{action}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("local-2", command)], _host.Resources.Executed);
        Assert.Equal("local-2", (await response.JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PostKill_Node_AnswersItsStateOnceTheProcessIsGone()
    {
        _host.Resources.Set("local-1", FakeResourceControl.Running(300));

        using var response = await _client.PostAsync(new Uri("/api/resources/local-1/kill", UriKind.Relative), null);

        var view = await response.JsonAsync();
        Assert.Equal("exited", view.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("pid").ValueKind);
    }

    [Fact]
    public async Task PostStart_Node_AnswersOnlyOnceAspireReportsItHealthy()
    {
        _host.Resources.Set("local-3", FakeResourceControl.NotStarted());
        _host.Resources.ApplyCommands = false;

        var post = _client.PostAsync(new Uri("/api/resources/local-3/start", UriKind.Relative), null);
        await _host.Resources.Waiting.WaitAsync(TimeSpan.FromSeconds(10));
        _host.Resources.Set("local-3", FakeResourceControl.Running(400, HealthStatus.Unhealthy, "starting up"));
        var answeredWhileUnhealthy = post.IsCompleted;
        _host.Resources.Set("local-3", FakeResourceControl.Running(400));
        using var response = await post;

        Assert.False(answeredWhileUnhealthy);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();
        Assert.Equal("running", view.GetProperty("state").GetString());
        Assert.Equal("healthy", view.GetProperty("health").GetString());
        Assert.Equal(400, view.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task PostAction_CommandFails_Answers409WithItsMessage()
    {
        _host.Resources.FailNext("redis", "redis has no running process");

        using var response = await _client.PostAsync(new Uri("/api/resources/redis/kill", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("kill failed", problem.GetProperty("error").GetString());
        Assert.Equal("kill redis: redis has no running process", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetState_DescribedCluster_HasUrlsPoliciesPoolsAndScenarios()
    {
        var state = await _client.GetJsonAsync("/api/state");

        Assert.Equal(TestClock.Start, state.GetProperty("serverTime").GetDateTimeOffset());
        Assert.Equal(_host.Model.Gateway!.Url.ToString().TrimEnd('/'), state.GetProperty("gatewayUrl").GetString());
        Assert.Equal("http://127.0.0.1:18888/login?t=token", state.GetProperty("dashboardUrl").GetString());
        Assert.Equal("RoundRobin", state.GetProperty("loadBalancing").GetString());
        Assert.Equal(5, state.GetProperty("policies").GetArrayLength());
        Assert.Equal(8, state.GetProperty("resources").GetArrayLength());
        var sticky = state.GetProperty("pools")[1];
        Assert.Equal("sticky", sticky.GetProperty("strategy").GetString());
        Assert.True(sticky.GetProperty("affinity").GetBoolean());
        Assert.Equal(["sticky-1", "sticky-2"], sticky.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["sticky-3"], sticky.GetProperty("spares").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("steady", state.GetProperty("compareScenarios").EnumerateArray().Select(s => s.GetString()));
    }
}
