using System.Net;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class MeEndpointTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    internal const string Unreadable = "this node cannot read the login cookie (another node's key ring made it, or it is not one of ours)";
    internal const string NotHeld = "this node's store does not hold that login (it expired, was logged out, or lives on another node)";

    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Me_LoggedIn_ReturnsUserNodeAndStrategy()
    {
        var cookie = await NodeApi.LoginAsync(_client, "bob");

        using var response = await NodeApi.GetAsync(_client, "api/me", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await NodeApi.ReadJsonAsync(response);
        Assert.Equal("bob", body.GetProperty("user").GetString());
        Assert.Equal("local-1", body.GetProperty("node").GetString());
        Assert.Equal("local", body.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task Me_NoCookie_Returns401WithDetailSayingSo()
    {
        using var response = await NodeApi.GetAsync(_client, "api/me");

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal("no login cookie: log in first", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AAAA")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%E2%82%AC%%%")]
    [InlineData("a.b.c")]
    public async Task Me_GarbageCookie_Returns401CookieUnreadable(string cookie)
    {
        using var response = await NodeApi.GetAsync(_client, "api/me", cookie);

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(Unreadable, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_OversizedCookie_Returns401CookieUnreadable()
    {
        var genuine = await NodeApi.LoginAsync(_client, "bob");

        using var response = await NodeApi.GetAsync(_client, "api/me", genuine.Login + new string('A', 16 * 1024));

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(Unreadable, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_AnonymousSessionThisNodeHolds_Returns401WithoutClaimingTheStoreLostIt()
    {
        // A visitor who has not logged in: the node does hold the session, so "does not hold" would mislead the demo.
        using var visit = await NodeApi.GetAsync(_client, "api/visits");

        using var response = await NodeApi.GetAsync(_client, "api/me", NodeCookies.With(WebNodeHost.SessionCookieName, NodeApi.SessionCookie(visit)!));

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.NotEqual(NotHeld, body.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
    }

    [Fact]
    public async Task Me_CookieMintedByAnotherNode_Returns401CookieNotReadableOnThisNode()
    {
        using var otherNode = new WebNodeHost("local-2");
        using var otherClient = otherNode.CreateClient();
        var cookie = await NodeApi.LoginAsync(otherClient, "bob");
        using (var there = await NodeApi.GetAsync(otherClient, "api/me", cookie))
        {
            Assert.Equal(HttpStatusCode.OK, there.StatusCode);
            Assert.Equal("local-2", there.Headers.GetValues("X-Served-By").Single());
        }

        using var response = await NodeApi.GetAsync(_client, "api/me", cookie);

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(Unreadable, body.GetProperty("detail").GetString());
        Assert.Equal("local-1", response.Headers.GetValues("X-Served-By").Single());
    }
}
