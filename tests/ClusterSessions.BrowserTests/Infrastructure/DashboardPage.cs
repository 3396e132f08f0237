using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>A dashboard tab in its own browser context; records every console error and uncaught exception.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    internal DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console.error: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Opens the dashboard on one view (<c>/#logs</c>) and waits for its first live state.</summary>
    public async Task GotoAsync(string view = "resources")
    {
        await Page.GotoAsync($"/#{view}");
        await Page.Locator("#connection[data-state='live']").WaitForAsync();
    }

    public async Task SelectTabAsync(string view)
    {
        await Page.Locator($"#tab-{view}").ClickAsync();
        await Page.Locator($"#view-{view}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    public Task<string> ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
