using System.Net;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class NodeEndpointTests
{
    [Fact]
    public async Task Node_Get_ReturnsNodeStrategyPidAndProcessStartTime()
    {
        using var node = new WebNodeHost("local-7");
        using var client = node.CreateClient();

        using var response = await NodeApi.GetAsync(client, "api/node");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await NodeApi.ReadJsonAsync(response);
        Assert.Equal("local-7", body.GetProperty("node").GetString());
        Assert.Equal("local", body.GetProperty("strategy").GetString());
        Assert.Equal(Environment.ProcessId, body.GetProperty("pid").GetInt32());
        // The process's start, not the first request's time: the process (the test host) started before this test.
        var processStart = new DateTimeOffset(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);
        Assert.Equal(processStart, body.GetProperty("startedAt").GetDateTimeOffset());
    }
}
