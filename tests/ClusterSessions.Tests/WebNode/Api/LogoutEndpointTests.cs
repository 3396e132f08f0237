using System.Net;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class LogoutEndpointTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Logout_LoggedIn_Returns204AndExpiresTheCookie()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.PostAsync(_client, "api/logout", cookie);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var setCookie = NodeApi.SetCookie(response, WebNodeHost.LoginCookieName);
        Assert.NotNull(setCookie);
        Assert.StartsWith($"{WebNodeHost.LoginCookieName}=;", setCookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/local", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logout_ThenReplayTheOldCookie_Returns401BecauseTheSessionIsGone()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");
        (await NodeApi.AddToCartAsync(_client, cookie, "apple", 1)).Dispose();
        // What an attacker copied before the logout: the browser forgets it, the copy does not.
        var copied = NodeCookies.FromLogin(cookie.Login!);

        (await NodeApi.PostAsync(_client, "api/logout", cookie)).Dispose();
        cookie = copied;

        using var me = await NodeApi.GetAsync(_client, "api/me", cookie);
        var body = await NodeApi.AssertProblemAsync(me, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal(MeEndpointTests.NotHeld, body.GetProperty("detail").GetString());
        using var cart = await NodeApi.GetAsync(_client, "api/cart", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, cart.StatusCode);
    }

    [Fact]
    public async Task Logout_NotLoggedIn_Returns204()
    {
        using var response = await NodeApi.PostAsync(_client, "api/logout");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task LogoutAll_TwoSessionsOfOneUser_EndsBothAndAnswersScopeNode()
    {
        // carol is used by this test only, so the count is exact.
        var first = await NodeApi.LoginAsync(_client, "carol");
        var second = await NodeApi.LoginAsync(_client, "carol");
        var bob = await NodeApi.LoginAsync(_client, "bob");

        using var response = await NodeApi.PostAsync(_client, "api/logout-all", NodeCookies.FromLogin(first.Login!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await NodeApi.ReadJsonAsync(response);
        Assert.Equal("node", body.GetProperty("scope").GetString());
        Assert.Equal(2, body.GetProperty("ended").GetInt32());
        Assert.Contains("this node", body.GetProperty("note").GetString(), StringComparison.Ordinal);
        using var meFirst = await NodeApi.GetAsync(_client, "api/me", first);
        Assert.Equal(HttpStatusCode.Unauthorized, meFirst.StatusCode);
        using var meSecond = await NodeApi.GetAsync(_client, "api/me", second);
        Assert.Equal(HttpStatusCode.Unauthorized, meSecond.StatusCode);
        using var meBob = await NodeApi.GetAsync(_client, "api/me", bob);
        Assert.Equal(HttpStatusCode.OK, meBob.StatusCode);
    }

    [Fact]
    public async Task LogoutAll_NotLoggedIn_Returns401()
    {
        using var response = await NodeApi.PostAsync(_client, "api/logout-all");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
    }
}
