using System.Net;
using System.Text;
using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.Hosting.ApplicationModel;

public sealed class HttpHealthProbeTests
{
    private static readonly Uri HealthUrl = new("http://127.0.0.1:5001/health");

    [Fact]
    public async Task ProbeAsync_200_IsHealthy()
    {
        var (status, description) = await ProbeAsync(_ => Respond(HttpStatusCode.OK, """{"status":"Healthy","checks":{}}"""));

        Assert.Equal(HealthStatus.Healthy, status);
        Assert.Null(description);
    }

    [Fact]
    public async Task ProbeAsync_503WithHealthReport_IsUnhealthyNamingTheFailingChecks()
    {
        const string report = """
            {"status":"Unhealthy","checks":{"self":{"status":"Healthy"},"redis":{"status":"Unhealthy","description":"connection refused"},"jwt":{"status":"Degraded"}}}
            """;

        var (status, description) = await ProbeAsync(_ => Respond(HttpStatusCode.ServiceUnavailable, report));

        Assert.Equal(HealthStatus.Unhealthy, status);
        Assert.Equal("redis: connection refused; jwt", description);
    }

    [Fact]
    public async Task ProbeAsync_ErrorWithoutReport_IsUnhealthyWithTheStatusCode()
    {
        var (status, description) = await ProbeAsync(_ => Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>"));

        Assert.Equal(HealthStatus.Unhealthy, status);
        Assert.Equal("HTTP 502", description);
    }

    [Fact]
    public async Task ProbeAsync_ConnectionRefused_IsUnhealthyWithTheReason()
    {
        var (status, description) = await ProbeAsync(_ => throw new HttpRequestException("Connection refused (127.0.0.1:5001)"));

        Assert.Equal(HealthStatus.Unhealthy, status);
        Assert.Equal("Connection refused (127.0.0.1:5001)", description);
    }

    [Fact]
    public async Task ProbeAsync_ClientTimeout_IsUnhealthyTimedOut()
    {
        var (status, description) = await ProbeAsync(_ => throw new TaskCanceledException("timeout"));

        Assert.Equal(HealthStatus.Unhealthy, status);
        Assert.Equal("health check timed out", description);
    }

    [Fact]
    public async Task ProbeAsync_CallerCancels_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var client = new HttpClient(new CallbackHttpHandler(_ => Respond(HttpStatusCode.OK, "{}")));
        var probe = new HttpHealthProbe(client, HealthUrl);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.ProbeAsync(cancelled.Token));
    }

    [Fact]
    public async Task ProbeAsync_Always_GetsTheHealthUrl()
    {
        Uri? requested = null;

        await ProbeAsync(request =>
        {
            requested = request.RequestUri;
            return Respond(HttpStatusCode.OK, "{}");
        });

        Assert.Equal(HealthUrl, requested);
    }

    private static async Task<(HealthStatus Status, string? Description)> ProbeAsync(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        using var client = new HttpClient(new CallbackHttpHandler(respond));
        return await new HttpHealthProbe(client, HealthUrl).ProbeAsync(CancellationToken.None);
    }

    private static HttpResponseMessage Respond(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
