using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>One Playwright driver and one chromium for the whole run, launched on first use (so API-only runs never start it).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Task InitializeAsync()
    {
        // Expect(...) polls for 5 s by default; on two busy cores a live update can take longer.
        Assertions.SetDefaultExpectTimeout(15_000);
        return Task.CompletedTask;
    }

    public async Task<IBrowser> GetBrowserAsync()
    {
        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException(Chromium.MissingReason);
        }

        await _launch.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = Chromium.Arguments,
            });
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>
    /// A fresh context (its own cookies and storage) and page at <paramref name="viewport"/>, relative URLs against
    /// <paramref name="baseUrl"/>, watched for console errors.
    /// </summary>
    public Task<BrowserPage> OpenAsync(Uri baseUrl, ViewportSize viewport) => OpenAsync(baseUrl, viewport, labLink: null);

    /// <summary>
    /// A fresh context and page for the lab, which gets in the way a user does: its first navigation goes through the
    /// READY line's link (<see cref="BrowserPage.GotoLinkAsync"/>, <see cref="BrowserPage.GotoLabAsync"/>), which sets
    /// the lab's cookie and redirects to <c>/</c>.
    /// </summary>
    public Task<BrowserPage> OpenLabAsync(LabCluster cluster, ViewportSize viewport)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return OpenAsync(cluster.Lab, viewport, cluster.LabLink);
    }

    private async Task<BrowserPage> OpenAsync(Uri baseUrl, ViewportSize viewport, Uri? labLink)
    {
        var browser = await GetBrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, BaseURL = baseUrl.ToString() });
        // Two cores run a dozen processes, the Aspire dashboard and this browser: give the pages time.
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page, labLink);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _launch.Dispose();
    }
}
