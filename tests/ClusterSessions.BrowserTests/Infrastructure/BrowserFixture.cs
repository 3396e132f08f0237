using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>One Playwright driver and one chromium for the whole run, launched on first use (so API-only runs never start it).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Task InitializeAsync() => Task.CompletedTask;

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

    /// <summary>A fresh context (its own cookies and storage) and page at <paramref name="viewport"/>, watched for console errors.</summary>
    public async Task<DashboardPage> OpenAsync(Uri dashboard, ViewportSize viewport)
    {
        var browser = await GetBrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, BaseURL = dashboard.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page);
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
