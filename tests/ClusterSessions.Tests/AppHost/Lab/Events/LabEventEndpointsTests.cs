using System.Net;

namespace ClusterSessions.Tests.AppHost.Lab.Events;

/// <summary>The event stream and the traffic relay, over a gateway whose admin API refuses connections.</summary>
public sealed class LabEventEndpointsTests : IAsyncLifetime
{
    private readonly FakeGatewayAdmin _gateway = new();
    private readonly LabHost _host;
    private HttpClient _client = null!;

    public LabEventEndpointsTests() => _host = new LabHost(_gateway);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _gateway.Dispose();
    }

    [Fact]
    public async Task Events_NewStream_StateFirstThenTrafficSayingWhyItIsEmpty()
    {
        var events = await _client.ReadEventsAsync("/api/events", 2);

        Assert.Equal("state", events[0].EventType);
        Assert.Equal(8, events[0].Json().GetProperty("resources").GetArrayLength());
        Assert.Equal("traffic", events[1].EventType);
        var traffic = events[1].Json();
        Assert.Equal(0, traffic.GetProperty("records").GetArrayLength());
        Assert.Contains("not answering", traffic.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("0", events[1].EventId);
        Assert.Equal("/_gateway/traffic", _gateway.Requests[0].Path);
    }

    [Theory]
    [InlineData("/api/traffic?after=-1")]
    [InlineData("/api/traffic?limit=0")]
    public async Task Traffic_BadQuery_Answers400Problem(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid query", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Traffic_GatewayNotAnswering_AnswersEmptyWithTheReason()
    {
        var update = await _client.GetJsonAsync("/api/traffic");

        Assert.Equal(0, update.GetProperty("records").GetArrayLength());
        Assert.Equal(0, update.GetProperty("last").GetInt64());
        Assert.Contains("not answering", update.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_ResourceConsoles_AreNotServedHere()
    {
        // Each resource's console is in the Aspire dashboard now.
        using var response = await _client.GetAsync(new Uri("/api/resources/local-1/logs/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
