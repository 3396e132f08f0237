using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Lab.Security;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.Tests.AppHost.Lab.Security;

/// <summary>
/// The control API's guard (issue 11): the run's token as a header or the lab's cookie, the lab's own origin only,
/// loopback host names only. A refused request must change nothing, so each refusal also checks Aspire was never asked.
/// </summary>
public sealed class ControlTokenMiddlewareTests : IAsyncLifetime
{
    private const string Node = "local-1";
    private static readonly Uri Kill = new($"/api/resources/{Node}/kill", UriKind.Relative);

    private readonly LabHost _host = new();

    private string Token => _host.Model.ControlToken.Value;

    private string OwnOrigin => $"http://127.0.0.1:{_host.Url.Port.ToString(CultureInfo.InvariantCulture)}";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _host.Resources.Set(Node, FakeResourceControl.Running(300));
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task PostKill_NoToken_Answers403ProblemAndKillsNothing()
    {
        using var client = _host.CreateClientWithoutToken();

        using var response = await client.PostAsync(Kill, null);

        var problem = await AssertRefusedAsync(response, "control token required");
        Assert.Contains("READY line", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task PostKill_WrongHeaderToken_Answers403AndKillsNothing(string token)
    {
        using var client = _host.CreateClientWithoutToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add(ControlToken.HeaderName, token);

        using var response = await client.SendAsync(request);

        await AssertRefusedAsync(response, "control token required");
    }

    [Fact]
    public async Task PostKill_TokenOneCharacterOff_Answers403AndKillsNothing()
    {
        using var client = _host.CreateClientWithoutToken();
        var almost = Token[..^1] + (Token[^1] == 'A' ? 'B' : 'A');
        client.DefaultRequestHeaders.Add(ControlToken.HeaderName, almost);

        using var response = await client.PostAsync(Kill, null);

        await AssertRefusedAsync(response, "control token required");
    }

    [Fact]
    public async Task PostKill_HeaderToken_Answers200AndKills()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync(Kill, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(Node, "kill")], _host.Resources.Executed);
    }

    [Fact]
    public async Task PostKill_WrongCookie_Answers403AndKillsNothing()
    {
        var cookies = new CookieContainer();
        cookies.Add(_host.Url, new Cookie(ControlToken.CookieName, "an-old-runs-token"));
        using var client = _host.CreateClientWithoutToken(cookies);

        using var response = await client.PostAsync(Kill, null);

        await AssertRefusedAsync(response, "control token required");
    }

    [Fact]
    public async Task UnknownApiPath_NoToken_Answers403NotFound404()
    {
        using var client = _host.CreateClientWithoutToken();

        using var response = await client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/js/api.js")]
    [InlineData("/app.css")]
    public async Task PageAssets_NoToken_AreServed(string path)
    {
        using var client = _host.CreateClientWithoutToken();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);
    }

    [Fact]
    public async Task OpenLink_RightToken_SetsAStrictHttpOnlyCookieAndRedirectsToTheBareAddress()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _host.Url };

        using var response = await client.GetAsync(new Uri($"/?t={Token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{ControlToken.CookieName}={Token};", cookie, StringComparison.Ordinal);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        // A session cookie: it goes with the browser session, and a restarted AppHost has a new token anyway.
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal) || a.StartsWith("max-age=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task OpenLink_WrongToken_Answers403AndSetsNoCookie(string token)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _host.Url };

        using var response = await client.GetAsync(new Uri($"/?t={token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Cookie_FromTheLink_OpensTheStateAndTheEventStream()
    {
        using var browser = await OpenLabAsync();

        var state = await browser.GetJsonAsync("/api/state");
        var events = await browser.ReadEventsAsync("/api/events", 1);

        Assert.Equal(8, state.GetProperty("resources").GetArrayLength());
        Assert.Equal("state", events[0].EventType);
    }

    [Fact]
    public async Task Cookie_FromTheLink_OpensTheCompareEventStream()
    {
        using var browser = await OpenLabAsync();

        var events = await browser.ReadEventsAsync("/api/compare/events", 1);

        Assert.Equal("compare", events[0].EventType);
    }

    [Fact]
    public async Task PostKill_CookieFromTheLinkAndOwnOrigin_Kills()
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add("Origin", OwnOrigin);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(Node, "kill")], _host.Resources.Executed);
    }

    [Fact]
    public async Task PostKill_OpenedAsLocalhost_ItsOriginIsTheLabsOwnToo()
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add("Origin", $"http://localhost:{_host.Url.Port.ToString(CultureInfo.InvariantCulture)}");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // SameSite ignores ports: a page on another port of 127.0.0.1 is same-site, and the browser sends the Strict cookie.
    [Theory]
    [InlineData("http://127.0.0.1:9999")]
    [InlineData("http://localhost:9999")]
    [InlineData("http://evil.example")]
    [InlineData("https://127.0.0.1:{port}")]
    [InlineData("http://127.0.0.1.evil.example:{port}")]
    [InlineData("null")]
    public async Task PostKill_ForeignOriginWithTheCookie_Answers403AndKillsNothing(string origin)
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add("Origin", origin.Replace("{port}", _host.Url.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        using var response = await browser.SendAsync(request);

        await AssertRefusedAsync(response, "cross-origin request");
    }

    [Fact]
    public async Task PostKill_ForeignOriginWithTheHeaderToken_Answers403AndKillsNothing()
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await client.SendAsync(request);

        await AssertRefusedAsync(response, "cross-origin request");
    }

    /// <summary>What <c>fetch(…, {method: "POST", mode: "no-cors"})</c> or a form post from another page sends: no preflight.</summary>
    [Fact]
    public async Task PostKill_TextPlainFromForeignOriginWithTheCookie_Answers403AndKillsNothing()
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill)
        {
            Content = new StringContent("x", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");

        using var response = await browser.SendAsync(request);

        await AssertRefusedAsync(response, "cross-origin request");
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task PostKill_SecFetchSiteOfAnotherPage_Answers403AndKillsNothing(string site)
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add("Sec-Fetch-Site", site);

        using var response = await browser.SendAsync(request);

        await AssertRefusedAsync(response, "cross-origin request");
    }

    [Theory]
    [InlineData("same-origin")]
    [InlineData("none")]
    public async Task GetState_SecFetchSiteOfTheLabOrTheAddressBar_Answers200(string site)
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/state", UriKind.Relative));
        request.Headers.Add("Sec-Fetch-Site", site);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>DNS rebinding: a page whose own name now points at 127.0.0.1 sends its name as Host.</summary>
    [Theory]
    [InlineData("evil.example", "/api/resources")]
    [InlineData("evil.example:{port}", "/api/resources")]
    [InlineData("127.0.0.1.nip.io:{port}", "/api/state")]
    [InlineData("evil.example:{port}", "/")]
    public async Task Request_ForeignHost_Answers400EvenWithTheToken(string host, string path)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = host.Replace("{port}", _host.Url.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostKill_ForeignHost_Answers400AndKillsNothing()
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Resources.Executed);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task GetState_LoopbackHostName_Answers200(string host)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/state", UriKind.Relative));
        request.Headers.Host = $"{host}:{_host.Url.Port.ToString(CultureInfo.InvariantCulture)}";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refusal_LogsOneWarningNamingTheRequestButNeverTheToken()
    {
        using var browser = await OpenLabAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kill);
        request.Headers.Add("Origin", "http://127.0.0.1:9999");
        request.Headers.Add(ControlToken.HeaderName, Token);

        (await browser.SendAsync(request)).Dispose();
        using var wrongLink = await browser.GetAsync(new Uri("/?t=not-the-token", UriKind.Relative));

        var refusals = _host.Logs.Lines.Where(l => l.EventId.Id == 40).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.Equal($"Lab refused POST /api/resources/{Node}/kill: foreign origin (origin http://127.0.0.1:9999)", refusals[0].Message);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Message.Contains(Token, StringComparison.Ordinal) || l.Message.Contains("not-the-token", StringComparison.Ordinal));
    }

    /// <summary>A browser that opened the READY line's link: it holds the lab's cookie, and sends it by itself from now on.</summary>
    private async Task<HttpClient> OpenLabAsync()
    {
        var cookies = new CookieContainer();
        var browser = _host.CreateClientWithoutToken(cookies);
        using var link = await browser.GetAsync(new Uri($"/?t={Token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, link.StatusCode);
        Assert.Equal(Token, cookies.GetCookies(_host.Url)[ControlToken.CookieName]?.Value);
        return browser;
    }

    private async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(error, problem.GetProperty("error").GetString());
        Assert.Empty(_host.Resources.Executed);
        Assert.Equal(KnownResourceStates.Running, _host.Resources.Snapshot(Node)?.State);
        return problem;
    }
}
