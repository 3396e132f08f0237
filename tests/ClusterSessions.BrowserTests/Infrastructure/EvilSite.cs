using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// Another site's web server on a free port of 127.0.0.1, serving one page: the page a user has open in another tab
/// while the lab runs. Reached as <c>127.0.0.1</c> it is same-site with the lab (SameSite ignores ports), as
/// <c>localhost</c> it is cross-site.
/// </summary>
internal sealed class EvilSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EvilSite(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EvilSite> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new EvilSite(app, new Uri(app.Urls.Single()).Port);
    }

    public Uri On(string host) => new($"http://{host}:{Port}/");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
