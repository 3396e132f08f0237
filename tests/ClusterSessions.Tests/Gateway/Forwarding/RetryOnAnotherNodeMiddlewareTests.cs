using System.Net;
using System.Text;

namespace ClusterSessions.Tests.Gateway.Forwarding;

/// <summary>
/// The gateway in memory in front of real Kestrel nodes. Each test has a pool of its own (so no other test's failures
/// count in its health), balanced FirstAlphabetical so the failing node <c>a-1</c> is always asked first.
/// </summary>
public sealed class RetryOnAnotherNodeMiddlewareTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Get_NodeDropsTheConnectionInFlight_AnotherNodeAnswers()
    {
        await using var dropping = await TestBackend.AbortingAsync();
        await using var healthy = await TestBackend.AnsweringAsync("b-1");
        using var client = Pool("get-dropped", ("a-1", dropping.Url), ("b-1", healthy.Url));

        using var response = await client.GetAsync(new Uri("/get-dropped/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("b-1", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, dropping.Requests);
    }

    [Fact]
    public async Task Head_NodeDropsTheConnectionInFlight_AnotherNodeAnswers()
    {
        await using var dropping = await TestBackend.AbortingAsync();
        await using var healthy = await TestBackend.AnsweringAsync("b-1");
        using var client = Pool("head-dropped", ("a-1", dropping.Url), ("b-1", healthy.Url));

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/head-dropped/api/me", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["b-1"], response.Headers.GetValues("X-Served-By"));
        Assert.Equal(1, dropping.Requests);
    }

    [Fact]
    public async Task Post_NodeDropsTheConnectionInFlight_502AndNotSentAgain()
    {
        // The node may have carried the POST out before it died: sending it again could add the item twice.
        await using var dropping = await TestBackend.AbortingAsync();
        await using var healthy = await TestBackend.AnsweringAsync("b-1");
        using var client = Pool("post-dropped", ("a-1", dropping.Url), ("b-1", healthy.Url));

        using var response = await client.PostAsync(
            new Uri("/post-dropped/api/cart/items", UriKind.Relative),
            new StringContent("""{"sku":"book","quantity":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, dropping.Requests);
        Assert.Equal(0, healthy.Requests);
    }

    [Fact]
    public async Task Post_NodeRefusesTheConnection_AnotherNodeAnswersWithTheSameBody()
    {
        string? received = null;
        await using var healthy = await TestBackend.StartAsync(async context =>
        {
            received = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.Headers["X-Served-By"] = "b-1";
        });
        using var client = Pool("post-refused", ("a-1", TestBackend.RefusingUrl()), ("b-1", healthy.Url));

        using var response = await client.PostAsync(
            new Uri("/post-refused/api/cart/items", UriKind.Relative),
            new StringContent("""{"sku":"book","quantity":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["b-1"], response.Headers.GetValues("X-Served-By"));
        Assert.Equal("""{"sku":"book","quantity":1}""", received);
    }

    [Fact]
    public async Task Get_TwoNodesDropTheConnection_SentAgainOnceOnly()
    {
        // A request that kills every node it reaches must not be walked through the whole pool.
        await using var first = await TestBackend.AbortingAsync();
        await using var second = await TestBackend.AbortingAsync();
        await using var third = await TestBackend.AnsweringAsync("c-1");
        using var client = Pool("get-twice", ("a-1", first.Url), ("b-1", second.Url), ("c-1", third.Url));

        using var response = await client.GetAsync(new Uri("/get-twice/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal((1, 1, 0), (first.Requests, second.Requests, third.Requests));
    }

    [Fact]
    public async Task Get_TwoNodesRefuse_TheThirdAnswers()
    {
        await using var healthy = await TestBackend.AnsweringAsync("c-1");
        using var client = Pool("get-refused", ("a-1", TestBackend.RefusingUrl()), ("b-1", TestBackend.RefusingUrl()), ("c-1", healthy.Url));

        using var response = await client.GetAsync(new Uri("/get-refused/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c-1", await response.Content.ReadAsStringAsync());
    }

    private HttpClient Pool(string name, params (string Id, string Url)[] nodes) => gateway.CreatePoolClient(name, nodes);
}
