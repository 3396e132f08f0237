using System.Net;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class VisitsEndpointTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Visits_NoCookie_Returns1AndStartsASession()
    {
        using var response = await NodeApi.GetAsync(_client, "api/visits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync(response));
        Assert.NotNull(NodeApi.SessionCookie(response));
    }

    [Fact]
    public async Task Visits_SameSessionWithoutLogin_CountsUp()
    {
        using var first = await NodeApi.GetAsync(_client, "api/visits");
        var cookie = NodeCookies.With(WebNodeHost.SessionCookieName, NodeApi.SessionCookie(first)!);

        using var second = await NodeApi.GetAsync(_client, "api/visits", cookie);
        using var third = await NodeApi.GetAsync(_client, "api/visits", cookie);

        Assert.Equal(2, await CountAsync(second));
        Assert.Equal(3, await CountAsync(third));
        Assert.Null(NodeApi.SessionCookie(third));
    }

    [Fact]
    public async Task Visits_TwoSessions_CountSeparately()
    {
        using var a1 = await NodeApi.GetAsync(_client, "api/visits");
        var a = NodeCookies.With(WebNodeHost.SessionCookieName, NodeApi.SessionCookie(a1)!);
        (await NodeApi.GetAsync(_client, "api/visits", a)).Dispose();

        using var b1 = await NodeApi.GetAsync(_client, "api/visits");

        Assert.Equal(1, await CountAsync(b1));
        using var a3 = await NodeApi.GetAsync(_client, "api/visits", a);
        Assert.Equal(3, await CountAsync(a3));
    }

    [Fact]
    public async Task Visits_UnreadableCookie_SilentlyStartsAFreshSession()
    {
        using var response = await NodeApi.GetAsync(_client, "api/visits", NodeCookies.With(WebNodeHost.SessionCookieName, "not-a-cookie-of-this-node"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync(response));
        Assert.NotNull(NodeApi.SessionCookie(response));
    }

    private static async Task<long> CountAsync(HttpResponseMessage response) =>
        (await NodeApi.ReadJsonAsync(response)).GetProperty("count").GetInt64();
}
