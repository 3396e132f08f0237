using System.Net;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>The visit counter travels too: <c>cs_visits={count}.{HMAC}</c>; a cookie this pool did not sign counts from 1.</summary>
public sealed class JwtVisitsTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Visits_NoCookie_Returns1AndSetsSignedCounterCookie()
    {
        using var response = await JwtApi.GetAsync(_client, "api/visits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync(response));
        var cookie = JwtApi.CookieValue(response, JwtNodeHost.VisitsCookieName);
        Assert.NotNull(cookie);
        Assert.StartsWith("1.", cookie, StringComparison.Ordinal);
        Assert.True(cookie.Length > "1.".Length);
    }

    [Fact]
    public async Task Visits_WithTheCookie_CountsUp()
    {
        using var first = await JwtApi.GetAsync(_client, "api/visits");
        var cookie = JwtApi.CookieValue(first, JwtNodeHost.VisitsCookieName)!;

        using var second = await JwtApi.GetAsync(_client, "api/visits", cookies: $"{JwtNodeHost.VisitsCookieName}={cookie}");
        cookie = JwtApi.CookieValue(second, JwtNodeHost.VisitsCookieName)!;
        using var third = await JwtApi.GetAsync(_client, "api/visits", cookies: $"{JwtNodeHost.VisitsCookieName}={cookie}");

        Assert.Equal(2, await CountAsync(second));
        Assert.Equal(3, await CountAsync(third));
        Assert.StartsWith("3.", JwtApi.CookieValue(third, JwtNodeHost.VisitsCookieName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visits_ForgedCountWithAnotherCountsMac_CountsFrom1()
    {
        // A genuine MAC, but of the count 1: raising the count without the secret must not work.
        using var first = await JwtApi.GetAsync(_client, "api/visits");
        var mac = JwtApi.CookieValue(first, JwtNodeHost.VisitsCookieName)!.Split('.')[1];

        using var response = await JwtApi.GetAsync(_client, "api/visits", cookies: $"{JwtNodeHost.VisitsCookieName}=41.{mac}");

        Assert.Equal(1, await CountAsync(response));
    }

    [Theory]
    [InlineData("41.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("41.not-a-mac")]
    [InlineData("41")]
    [InlineData("-5.AAAA")]
    [InlineData("garbage")]
    public async Task Visits_ForgedOrGarbledCookie_CountsFrom1(string cookie)
    {
        using var response = await JwtApi.GetAsync(_client, "api/visits", cookies: $"{JwtNodeHost.VisitsCookieName}={cookie}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync(response));
    }

    private static async Task<long> CountAsync(HttpResponseMessage response) =>
        (await JwtApi.ReadJsonAsync(response)).GetProperty("count").GetInt64();
}
