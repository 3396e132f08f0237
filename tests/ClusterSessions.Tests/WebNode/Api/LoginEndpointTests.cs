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

        var setCookie = NodeApi.SetCookie(response, WebNodeHost.LoginCookieName);
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

        var setCookie = NodeApi.SetCookie(response, WebNodeHost.LoginCookieName);
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
        // The cookies a planted or pre-login session gives: a session cookie with a visit in it.
        using var visit = await NodeApi.GetAsync(_client, "api/visits");
        var preLogin = NodeCookies.With(WebNodeHost.SessionCookieName, NodeApi.SessionCookie(visit)!);
        var planted = NodeCookies.With(WebNodeHost.SessionCookieName, preLogin.Session!);

        using var login = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"alice","password":"alice-secret"}""", preLogin);

        // The login drops the pre-login session cookie (and empties its session): it carries nothing of the login.
        Assert.Null(preLogin.Session);
        Assert.NotNull(preLogin.Login);
        using var withOld = await NodeApi.GetAsync(_client, "api/me", planted);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        using var visitsWithOld = await NodeApi.GetAsync(_client, "api/visits", planted);
        Assert.Equal(1, (await NodeApi.ReadJsonAsync(visitsWithOld)).GetProperty("count").GetInt64());
        using var withNew = await NodeApi.GetAsync(_client, "api/me", preLogin);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Login_SecondTime_ReplacesTheSessionAndTheFirstCookieGets401()
    {
        var first = await NodeApi.LoginAsync(_client, "alice");

        var second = await NodeApi.LoginAsync(_client, "alice", NodeCookies.FromLogin(first.Login!));

        Assert.NotEqual(first.Login, second.Login);
        using var withFirst = await NodeApi.GetAsync(_client, "api/me", first);
        Assert.Equal(HttpStatusCode.Unauthorized, withFirst.StatusCode);
        using var withSecond = await NodeApi.GetAsync(_client, "api/me", second);
        Assert.Equal(HttpStatusCode.OK, withSecond.StatusCode);
    }

    [Fact]
    public async Task Login_AfterAnonymousVisits_StartsANewSessionCountingFromOne()
    {
        using var first = await NodeApi.GetAsync(_client, "api/visits");
        var cookies = NodeCookies.With(WebNodeHost.SessionCookieName, NodeApi.SessionCookie(first)!);
        (await NodeApi.GetAsync(_client, "api/visits", cookies)).Dispose();

        using var login = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"alice","password":"alice-secret"}""", cookies);

        using var third = await NodeApi.GetAsync(_client, "api/visits", cookies);
        Assert.Equal(1, (await NodeApi.ReadJsonAsync(third)).GetProperty("count").GetInt64());
        Assert.NotNull(cookies.Session);
    }

    [Fact]
    public async Task Login_WithAnotherUsersValidLoginCookie_IssuesANewKeySoThePlantedCopyCarriesNothing()
    {
        // Login fixation: an attacker logs in as themselves and plants that cookie in the victim's browser.
        var planted = await NodeApi.LoginAsync(_client, "bob");
        var attackersCopy = NodeCookies.FromLogin(planted.Login!);

        using var login = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":"alice","password":"alice-secret"}""", planted);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var victim = await NodeApi.GetAsync(_client, "api/me", planted);
        Assert.Equal("alice", (await NodeApi.ReadJsonAsync(victim)).GetProperty("user").GetString());
        using var attacker = await NodeApi.GetAsync(_client, "api/me", attackersCopy);
        Assert.Equal(HttpStatusCode.Unauthorized, attacker.StatusCode);
    }

    [Theory]
    [InlineData("""{"username":"alice","password":"x","admin":true}""", "unknown member 'admin'")]
    [InlineData("""{"username":"alice"}""", "missing member(s): password")]
    [InlineData("""{"username":5,"password":"x"}""", "a value has the wrong type (at $.username)")]
    [InlineData("""[1,2]""", "a value has the wrong type")]
    [InlineData("""{"username":""", "not valid JSON")]
    [InlineData("""{"username":null,"password":"x"}""", "malformed JSON")]
    public async Task Login_BadBody_Says400InTheClientsTermsWithoutDotNetTypeNames(string body, string expected)
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", body);

        var problem = await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
        var text = problem.GetRawText();
        Assert.DoesNotContain("ClusterSessions.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LoginRequest", text, StringComparison.Ordinal);
    }
}
