using System.Net;
using System.Text.Json;
using ClusterSessions.Gateway.Traffic;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.Tests.Gateway.Traffic;

public sealed class TrafficEndpointsTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task GetTraffic_AdminPort_AnswersRecordsLastAndCounts()
    {
        var log = gateway.Services.GetRequiredService<TrafficLog>();
        var before = log.Read(0, 1).Last;
        log.Add(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), "local", "GET", "/local/api/me", "local-2", 200, 3.5);
        using var admin = gateway.CreateAdminClient();

        using var response = await admin.GetAsync(new Uri($"/_gateway/traffic?after={before}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var page = document.RootElement;
        var record = page.GetProperty("records").EnumerateArray().Single();
        Assert.Equal("/local/api/me", record.GetProperty("path").GetString());
        Assert.Equal("local-2", record.GetProperty("node").GetString());
        Assert.Equal(3.5, record.GetProperty("elapsedMs").GetDouble());
        Assert.Equal(before + 1, page.GetProperty("last").GetInt64());
        Assert.True(page.GetProperty("counts").GetProperty("local").GetProperty("local-2").GetInt64() >= 1);
    }

    [Fact]
    public async Task GetTraffic_PublicPort_IsNotServed()
    {
        using var client = gateway.CreateClient($"http://localhost:{GatewayHost.PublicPort}/");

        using var response = await client.GetAsync(new Uri("/_gateway/traffic", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("limit=0")]
    public async Task GetTraffic_BadQuery_Answers400(string query)
    {
        using var admin = gateway.CreateAdminClient();

        using var response = await admin.GetAsync(new Uri($"/_gateway/traffic?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
