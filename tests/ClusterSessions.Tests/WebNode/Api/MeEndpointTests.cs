using System.Net;
using ClusterSessions.WebNode.Sessions.Server;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class MeEndpointTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private const string Unreadable = "the session cookie cannot be read on this node";
    private const string NotHeld = "this node's session store does not hold that session";

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
    public async Task Me_NoCookie_Returns401WithoutDetail()
    {
        using var response = await NodeApi.GetAsync(_client, "api/me");

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.False(body.TryGetProperty("detail", out _));
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

        using var response = await NodeApi.GetAsync(_client, "api/me", genuine + new string('A', 16 * 1024));

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(Unreadable, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_ProtectedValueThatIsNoSessionId_Returns401CookieUnreadable()
    {
        using var response = await NodeApi.GetAsync(_client, "api/me", node.ProtectCookieValue("alice"));

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(Unreadable, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_ReadableCookieOfUnknownSession_Returns401StoreDoesNotHoldIt()
    {
        using var response = await NodeApi.GetAsync(_client, "api/me", node.ProtectCookieValue(SessionIds.New()));

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(NotHeld, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_AnonymousSessionThisNodeHolds_Returns401WithoutClaimingTheStoreLostIt()
    {
        // A visitor who has not logged in: the node does hold the session, so "does not hold" would mislead the demo.
        using var visit = await NodeApi.GetAsync(_client, "api/visits");

        using var response = await NodeApi.GetAsync(_client, "api/me", NodeApi.SessionCookie(visit));

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
