using System.Net;
using System.Text;
using System.Text.Json;
using ClusterSessions.Gateway.Pools;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.Tests.Gateway.Admin;

public sealed class AdminEndpointsTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private readonly HttpClient _admin = gateway.CreateAdminClient();

    [Fact]
    public async Task SetPool_ValidPool_Returns204AndGetPoolsShowsIt()
    {
        using var put = await PutPoolAsync("local", """
            {"destinations":{"local-1":"http://127.0.0.1:5001/","local-2":"http://127.0.0.1:5002/"},"affinity":false,"loadBalancing":"RoundRobin"}
            """);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        using var get = await _admin.GetAsync(new Uri("/_gateway/pools", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var pool = (await ReadJsonAsync(get)).GetProperty("local");
        Assert.Equal("RoundRobin", pool.GetProperty("loadBalancing").GetString());
        Assert.False(pool.GetProperty("affinity").GetBoolean());
        var destinations = pool.GetProperty("destinations");
        Assert.Equal("http://127.0.0.1:5001/", destinations.GetProperty("local-1").GetProperty("address").GetString());
        Assert.Equal("http://127.0.0.1:5002/", destinations.GetProperty("local-2").GetProperty("address").GetString());
        Assert.Equal("Unknown", destinations.GetProperty("local-1").GetProperty("health").GetString());
    }

    [Fact]
    public async Task SetPool_ExistingPool_ReplacesItsNodes()
    {
        (await PutPoolAsync("sticky", """{"destinations":{"sticky-1":"http://127.0.0.1:6001/"},"affinity":true}""")).Dispose();

        using var put = await PutPoolAsync("sticky", """{"destinations":{"sticky-2":"http://127.0.0.1:6002/"},"affinity":true}""");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var pool = gateway.Services.GetRequiredService<PoolRegistry>().Snapshot()["sticky"];
        Assert.True(pool.Affinity);
        Assert.Equal(["sticky-2"], pool.Destinations.Keys);
    }

    [Theory]
    [InlineData("local", """{"destinations":{"local-1":"not a url"}}""", "Gateway:Pools:local:Destinations:local-1")]
    [InlineData("local", """{"destinations":{"local-1":"ftp://127.0.0.1/"}}""", "Gateway:Pools:local:Destinations:local-1")]
    [InlineData("local", """{"destinations":{"Local_1":"http://127.0.0.1:5001/"}}""", "Gateway:Pools:local:Destinations:Local_1")]
    [InlineData("local", """{"destinations":{},"loadBalancing":"Fastest"}""", "Gateway:Pools:local:LoadBalancing")]
    [InlineData("Bad_Pool", """{"destinations":{}}""", "Gateway:Pools:Bad_Pool")]
    public async Task SetPool_InvalidPool_Returns400NamingTheKeyAndChangesNothing(string name, string body, string key)
    {
        using var response = await PutPoolAsync(name, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("invalid pool", problem.GetProperty("error").GetString());
        Assert.Contains(key, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var registry = gateway.Services.GetRequiredService<PoolRegistry>();
        Assert.False(registry.Snapshot().TryGetValue(name, out var stored) && stored.Destinations.ContainsKey("Local_1"));
        Assert.False(registry.Snapshot().ContainsKey("Bad_Pool"));
    }

    [Fact]
    public async Task RemovePool_ExistingThenAgain_Returns204Then404()
    {
        (await PutPoolAsync("jwt", """{"destinations":{"jwt-1":"http://127.0.0.1:7001/"}}""")).Dispose();

        using var first = await _admin.DeleteAsync(new Uri("/_gateway/pools/jwt", UriKind.Relative));
        using var second = await _admin.DeleteAsync(new Uri("/_gateway/pools/jwt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.False(gateway.Services.GetRequiredService<PoolRegistry>().Snapshot().ContainsKey("jwt"));
    }

    [Fact]
    public async Task AdminApi_OnThePublicPort_IsNotServed()
    {
        using var client = gateway.CreateClient($"http://localhost:{GatewayHost.PublicPort}/");

        using var get = await client.GetAsync(new Uri("/_gateway/pools", UriKind.Relative));
        using var put = await client.PutAsync(
            new Uri("/_gateway/pools/evil", UriKind.Relative),
            new StringContent("""{"destinations":{"evil-1":"http://127.0.0.1:1/"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.False(gateway.Services.GetRequiredService<PoolRegistry>().Snapshot().ContainsKey("evil"));
    }

    [Fact]
    public async Task AdminApi_OnThePublicPortWithTheAdminPortInTheHostHeader_IsNotServed()
    {
        // Both listeners are on loopback; a client of the public port chooses its Host header freely.
        using var publicPortOnly = new GatewayHost(_ => GatewayHost.PublicPort);
        using var client = publicPortOnly.CreateAdminClient();

        using var put = await client.PutAsync(
            new Uri("/_gateway/pools/evil", UriKind.Relative),
            new StringContent("""{"destinations":{"evil-1":"http://127.0.0.1:1/"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.False(publicPortOnly.Services.GetRequiredService<PoolRegistry>().Snapshot().ContainsKey("evil"));
    }

    [Fact]
    public async Task Gateway_AnyResponse_CarriesXServedByGateway()
    {
        using var client = gateway.CreateClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var unknownPool = await client.GetAsync(new Uri("/no-such-pool/api/node", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(["gateway"], health.Headers.GetValues("X-Served-By"));
        Assert.Equal(HttpStatusCode.NotFound, unknownPool.StatusCode);
        Assert.Equal(["gateway"], unknownPool.Headers.GetValues("X-Served-By"));
    }

    private Task<HttpResponseMessage> PutPoolAsync(string name, string json) =>
        _admin.PutAsync(new Uri($"/_gateway/pools/{name}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
