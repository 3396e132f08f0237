using System.Globalization;
using System.Net;

namespace ClusterSessions.Tests.Hosting.Dashboard;

/// <summary>The event streams and the traffic relay over a cluster that is not running.</summary>
public sealed class EventEndpointsTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Events_NewStream_StateFirstThenTrafficSayingWhyItIsEmpty()
    {
        var events = await _client.ReadEventsAsync("/api/events", 2);

        Assert.Equal("state", events[0].EventType);
        Assert.Equal(3, events[0].Json().GetProperty("resources").GetArrayLength());
        Assert.Equal("traffic", events[1].EventType);
        var traffic = events[1].Json();
        Assert.Equal(0, traffic.GetProperty("records").GetArrayLength());
        Assert.Contains("not answering", traffic.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("0", events[1].EventId);
    }

    [Fact]
    public async Task LogEvents_Resource_TailThenNewLinesWithLevelsAndSequenceIds()
    {
        var logs = host.App.FindResource("sticky-1")!.Logs;
        logs.Add("12:00:00.000 info [sticky-1] Startup: one", isError: false);
        logs.Add("12:00:00.001 warn [sticky-1] Startup: two", isError: false);
        logs.Add("12:00:00.002 dbug [sticky-1] Startup: three", isError: false);
        var last = logs.Snapshot()[^1].Sequence;

        // The new line is written once the tail has arrived: it can only come as a live event.
        var events = await _client.ReadEventsAsync(
            "/api/resources/sticky-1/logs/events?tail=2",
            2,
            e => { if (e.EventId == last.ToString(CultureInfo.InvariantCulture)) { logs.Add("unhandled exception", isError: true); } });

        Assert.All(events, e => Assert.Equal("lines", e.EventType));
        var tail = events[0].Json().EnumerateArray().ToList();
        Assert.Equal(["warn", "dbug"], tail.Select(l => l.GetProperty("level").GetString()));
        Assert.Equal(last.ToString(CultureInfo.InvariantCulture), events[0].EventId);
        var added = events[1].Json().EnumerateArray().Single();
        Assert.Equal("fail", added.GetProperty("level").GetString());
        Assert.True(added.GetProperty("isError").GetBoolean());
        Assert.Equal("unhandled exception", added.GetProperty("text").GetString());
    }

    [Fact]
    public async Task LogEvents_AfterTheNewestLine_StartsWithAnEmptyBatch()
    {
        var logs = host.App.FindResource("local-1")!.Logs;
        logs.Add("a line", isError: false);
        var last = logs.Snapshot()[^1].Sequence;

        var events = await _client.ReadEventsAsync($"/api/resources/local-1/logs/events?after={last}", 1);

        Assert.Equal(0, events[0].Json().GetArrayLength());
        Assert.Equal(last.ToString(CultureInfo.InvariantCulture), events[0].EventId);
    }

    [Theory]
    [InlineData("/api/resources/nope-1/logs/events", HttpStatusCode.NotFound)]
    [InlineData("/api/resources/local-1/logs/events?tail=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/traffic?after=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/traffic?limit=0", HttpStatusCode.BadRequest)]
    public async Task Streams_BadRequest_AnswerWithProblem(string url, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Traffic_GatewayNotRunning_AnswersEmptyWithTheReason()
    {
        var update = await _client.GetJsonAsync("/api/traffic");

        Assert.Equal(0, update.GetProperty("records").GetArrayLength());
        Assert.Equal(0, update.GetProperty("last").GetInt64());
        Assert.Contains("not answering", update.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
