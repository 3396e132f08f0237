using System.Net;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class LoginEndpointTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Login_ValidCredentials_Returns200WithUserAndNode()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"alice","password":"alice-secret"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await NodeApi.ReadJsonAsync(response);
        Assert.Equal("alice", body.GetProperty("user").GetString());
        Assert.Equal("local-1", body.GetProperty("node").GetString());
        Assert.False(body.TryGetProperty("token", out _), "a server-side session hands out no token");
    }

    [Fact]
    public async Task Login_ValidCredentials_SetsHttpOnlyLaxCookieScopedToPathBase()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"bob","password":"bob-secret"}""");

        var setCookie = NodeApi.SessionSetCookie(response);
        Assert.NotNull(setCookie);
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/local", attributes);
        Assert.DoesNotContain("secure", attributes);
    }

    [Fact]
    public async Task Login_OverHttps_SetsSecureCookie()
    {
        using var client = node.CreateClient("https://localhost/local/");

        using var response = await NodeApi.PostJsonAsync(client, "api/login", """{"username":"bob","password":"bob-secret"}""");

        var setCookie = NodeApi.SessionSetCookie(response);
        Assert.NotNull(setCookie);
        Assert.Contains("secure", setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()));
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401ProblemWithoutCookie()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"alice","password":"bob-secret"}""");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid user name or password");
        Assert.Null(NodeApi.SessionCookie(response));
    }

    [Fact]
    public async Task Login_UnknownUser_Returns401Problem()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"mallory","password":"mallory-secret"}""");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid user name or password");
    }

    [Fact]
    public async Task Login_UserNameInOtherCase_Returns401Problem()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"Alice","password":"alice-secret"}""");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid user name or password");
    }

    [Fact]
    public async Task Login_WithPreLoginSessionCookie_IssuesNewSessionIdAndOldCookieNoLongerWorks()
    {
        using var visit = await NodeApi.GetAsync(_client, "api/visits");
        var preLogin = NodeApi.SessionCookie(visit);
        Assert.NotNull(preLogin);

        var afterLogin = await NodeApi.LoginAsync(_client, "alice", preLogin);

        Assert.NotEqual(node.UnprotectCookieValue(preLogin), node.UnprotectCookieValue(afterLogin));
        using var withOld = await NodeApi.GetAsync(_client, "api/me", preLogin);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        using var withNew = await NodeApi.GetAsync(_client, "api/me", afterLogin);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Login_SecondTime_ReplacesTheSessionAndTheFirstCookieGets401()
    {
        var first = await NodeApi.LoginAsync(_client, "alice");

        var second = await NodeApi.LoginAsync(_client, "alice", first);

        Assert.NotEqual(first, second);
        Assert.NotEqual(node.UnprotectCookieValue(first), node.UnprotectCookieValue(second));
        using var withFirst = await NodeApi.GetAsync(_client, "api/me", first);
        Assert.Equal(HttpStatusCode.Unauthorized, withFirst.StatusCode);
        using var withSecond = await NodeApi.GetAsync(_client, "api/me", second);
        Assert.Equal(HttpStatusCode.OK, withSecond.StatusCode);
    }

    [Fact]
    public async Task Login_AfterAnonymousVisits_KeepsTheVisitCount()
    {
        using var first = await NodeApi.GetAsync(_client, "api/visits");
        var anonymous = NodeApi.SessionCookie(first)!;
        (await NodeApi.GetAsync(_client, "api/visits", anonymous)).Dispose();

        var loggedIn = await NodeApi.LoginAsync(_client, "alice", anonymous);

        using var third = await NodeApi.GetAsync(_client, "api/visits", loggedIn);
        Assert.Equal(3, (await NodeApi.ReadJsonAsync(third)).GetProperty("count").GetInt64());
    }
}
