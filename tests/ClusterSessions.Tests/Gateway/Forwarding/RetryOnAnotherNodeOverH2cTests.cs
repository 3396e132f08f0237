using System.Net;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ClusterSessions.Tests.Gateway.Forwarding;

/// <summary>
/// The retry with <c>Gateway:NodeProtocol=Http2</c>, as the AppHost runs the gateway: over h2c every request to a node
/// shares one connection, so a killed node fails all of them at once, and a refused connection looks the same as over
/// HTTP/1.1. Each test has a pool of its own, balanced FirstAlphabetical so the failing node <c>a-1</c> is asked first.
/// </summary>
public sealed class RetryOnAnotherNodeOverH2cTests(RetryOnAnotherNodeOverH2cTests.H2cGateway fixture) : IClassFixture<RetryOnAnotherNodeOverH2cTests.H2cGateway>
{
    [Fact]
    public async Task Get_HealthyNode_AnsweredOverHttp2()
    {
        await using var healthy = await TestBackend.AnsweringAsync("a-1", HttpProtocols.Http2);
        using var client = Pool("h2c-ok", ("a-1", healthy.Url));

        using var response = await client.GetAsync(new Uri("/h2c-ok/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a-1 over HTTP/2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_NodeDiesWithTheRequestInFlight_AnotherNodeAnswers()
    {
        await using var dying = new DyingH2cNode();
        await using var healthy = await TestBackend.AnsweringAsync("b-1", HttpProtocols.Http2);
        using var client = Pool("h2c-get-dropped", ("a-1", dying.Url), ("b-1", healthy.Url));

        using var response = await client.GetAsync(new Uri("/h2c-get-dropped/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("b-1 over HTTP/2", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, dying.Requests);
    }

    [Fact]
    public async Task Post_NodeDiesWithTheRequestInFlight_502AndNotSentAgain()
    {
        await using var dying = new DyingH2cNode();
        await using var healthy = await TestBackend.AnsweringAsync("b-1", HttpProtocols.Http2);
        using var client = Pool("h2c-post-dropped", ("a-1", dying.Url), ("b-1", healthy.Url));

        using var response = await client.PostAsync(
            new Uri("/h2c-post-dropped/api/cart/items", UriKind.Relative),
            new StringContent("""{"sku":"book","quantity":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, dying.Requests);
        Assert.Equal(0, healthy.Requests);
    }

    [Fact]
    public async Task Post_NodeRefusesTheConnection_AnotherNodeAnswersWithTheSameBody()
    {
        string? received = null;
        await using var healthy = await TestBackend.StartAsync(
            async context => received = await new StreamReader(context.Request.Body).ReadToEndAsync(),
            HttpProtocols.Http2);
        using var client = Pool("h2c-post-refused", ("a-1", TestBackend.RefusingUrl()), ("b-1", healthy.Url));

        using var response = await client.PostAsync(
            new Uri("/h2c-post-refused/api/cart/items", UriKind.Relative),
            new StringContent("""{"sku":"book","quantity":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"sku":"book","quantity":1}""", received);
    }

    private HttpClient Pool(string name, params (string Id, string Url)[] nodes) => fixture.Host.CreatePoolClient(name, nodes);

    public sealed class H2cGateway : IDisposable
    {
        internal GatewayHost Host { get; } = new(
            context => context.Request.Host.Port ?? GatewayHost.PublicPort,
            new Dictionary<string, string?> { ["Gateway:NodeProtocol"] = "Http2" });

        public void Dispose() => Host.Dispose();
    }
}
