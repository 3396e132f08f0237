using ClusterSessions.AppHost.Cluster;
using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// The README's screenshots: <c>docs/screenshots/{name}.png</c> in the repository, written again at every run, so
/// they always show the pages as they are.
/// </summary>
internal static class Screenshots
{
    public static string Directory { get; } = Path.Combine(ProjectOutputs.RepositoryRoot, "docs", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name, bool fullPage = true)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
