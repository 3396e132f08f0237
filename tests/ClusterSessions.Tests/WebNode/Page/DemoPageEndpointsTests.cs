using System.Net;

namespace ClusterSessions.Tests.WebNode.Page;

public sealed class DemoPageEndpointsTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Page_UnderPathBaseWithSlash_ServesTheSelfContainedHtmlPage()
    {
        using var response = await _client.GetAsync(new Uri("/local/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!doctype html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ClusterSessions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_PathBaseWithoutSlash_RedirectsToTheSlashedPath()
    {
        using var response = await _client.GetAsync(new Uri("/local", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/local/", response.Headers.Location?.OriginalString);
    }
}
