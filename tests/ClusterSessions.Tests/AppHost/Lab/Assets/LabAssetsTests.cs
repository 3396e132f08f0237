using System.Net;
using System.Text.RegularExpressions;
using ClusterSessions.AppHost.Lab.Assets;

namespace ClusterSessions.Tests.AppHost.Lab.Assets;

public sealed partial class LabAssetsTests(LabHost host) : IClassFixture<LabHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task GetRoot_ServesThePageWithAStrictContentSecurityPolicy()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<title>ClusterSessions lab</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EveryScriptStyleAndIconItLoads_IsServedFromThisAssembly()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));
        var scripts = await _client.GetStringAsync(new Uri("/js/app.js", UriKind.Relative));
        var references = LocalReference().Matches(html).Select(m => m.Groups["path"].Value)
            .Concat(ModuleImport().Matches(scripts).Select(m => "/js/" + m.Groups["file"].Value))
            .Distinct()
            .ToList();

        Assert.Contains("/app.css", references);
        Assert.Contains("/js/app.js", references);
        Assert.Contains("/js/pools.js", references);
        foreach (var path in references)
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void Load_AppHostAssembly_HasThePageUnderTheLabPrefixAndNoLogViews()
    {
        var resources = typeof(LabAssets).Assembly.GetManifestResourceNames();

        Assert.Contains($"{LabAssets.ResourcePrefix}index.html", resources);
        Assert.Equal("lab/", LabAssets.ResourcePrefix);
        var paths = LabAssets.Load(typeof(LabAssets).Assembly).Select(a => a.Path).ToList();
        Assert.Contains("/index.html", paths);
        Assert.Contains("/js/pools.js", paths);
        // Each resource's console and the resource list are in the Aspire dashboard now.
        Assert.DoesNotContain("/js/logs.js", paths);
        Assert.DoesNotContain("/js/resources.js", paths);
    }

    [Fact]
    public void Load_EveryAsset_HasAKnownContentTypeAndNoExternalUrl()
    {
        var assets = LabAssets.Load(typeof(LabAssets).Assembly);

        Assert.Contains(assets, a => a.Path == "/index.html");
        Assert.All(assets, asset =>
        {
            Assert.NotEqual("application/octet-stream", asset.ContentType);
            var text = System.Text.Encoding.UTF8.GetString(asset.Content.Span);
            // Offline by construction: nothing is fetched from another origin (the SVG namespace is a name, not a fetch).
            Assert.DoesNotMatch(ExternalUrl(), text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task GetAsset_WithItsETag_Answers304()
    {
        using var first = await _client.GetAsync(new Uri("/js/app.js", UriKind.Relative));
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/js/app.js", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());

        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task GetAsset_Unknown_Answers404()
    {
        using var response = await _client.GetAsync(new Uri("/js/nope.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"(?<path>/[^\"#]*)\"")]
    private static partial Regex LocalReference();

    [GeneratedRegex("from '\\./(?<file>[a-z]+\\.js)'")]
    private static partial Regex ModuleImport();

    [GeneratedRegex("https?://")]
    private static partial Regex ExternalUrl();
}
