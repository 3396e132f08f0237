using System.Net;
using System.Text;
using System.Text.Json;
using ClusterSessions.Gateway.Pools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData(null, "admin token required")]
    [InlineData("not-this-runs-token-not-this-runs-token-xx", "admin token required")]
    public async Task AdminApi_WithoutThisRunsToken_Is403AndChangesNothing(string? token, string error)
    {
        using var client = gateway.CreateClient($"http://localhost:{GatewayHost.AdminPort}/");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("X-Admin-Token", token);
        }

        using var get = await client.GetAsync(new Uri("/_gateway/pools", UriKind.Relative));
        using var put = await client.PutAsync(
            new Uri("/_gateway/pools/evil", UriKind.Relative),
            new StringContent("""{"destinations":{"evil-1":"http://127.0.0.1:1/"}}""", Encoding.UTF8, "application/json"));
        using var traffic = await client.GetAsync(new Uri("/_gateway/traffic", UriKind.Relative));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { get.StatusCode, put.StatusCode, traffic.StatusCode });
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(error, (await ReadJsonAsync(put)).GetProperty("error").GetString());
        Assert.False(gateway.Services.GetRequiredService<PoolRegistry>().Snapshot().ContainsKey("evil"));
    }

    [Fact]
    public async Task AdminApi_BadBodyWithoutToken_Is403BeforeTheBodyIsRead()
    {
        using var client = gateway.CreateClient($"http://localhost:{GatewayHost.AdminPort}/");

        using var put = await client.PutAsync(new Uri("/_gateway/pools/evil", UriKind.Relative), new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://127.0.0.1:5999")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task AdminApi_FromABrowserPageEvenWithTheToken_Is403AndChangesNothing(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/_gateway/pools/guarded", UriKind.Relative));
        request.Headers.Add(header, value);
        (await PutPoolAsync("guarded", """{"destinations":{"guarded-1":"http://127.0.0.1:5001/"}}""")).Dispose();

        using var delete = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("cross-origin request", (await ReadJsonAsync(delete)).GetProperty("error").GetString());
        Assert.True(gateway.Services.GetRequiredService<PoolRegistry>().Snapshot().ContainsKey("guarded"));
    }

    [Fact]
    public async Task PublicPort_NeedsNoAdminToken()
    {
        using var client = gateway.CreateClient($"http://localhost:{GatewayHost.PublicPort}/");
        client.DefaultRequestHeaders.Add("Origin", "http://evil.example");

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void Start_AdminPortWithoutToken_RefusesToStartNamingGatewayAdminToken()
    {
        using var noToken = new GatewayHost(_ => GatewayHost.PublicPort, new Dictionary<string, string?> { ["Gateway:AdminToken"] = "" });

        // What RunClusterServiceAsync does before the gateway listens.
        var failure = Assert.Throws<OptionsValidationException>(() => noToken.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Gateway:AdminToken: required with Gateway:AdminPort, at least 32 characters (the AppHost makes one per run)"], failure.Failures);
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
