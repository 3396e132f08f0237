using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>A tab in its own browser context; records every console error and uncaught exception.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri? _labLink;
    private readonly List<string> _errors = [];

    internal BrowserPage(IBrowserContext context, IPage page, Uri? labLink = null)
    {
        _context = context;
        _labLink = labLink;
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

    public IBrowserContext Context => _context;

    /// <summary>
    /// Opens the lab through its link (<c>/?t=&lt;token&gt;#view</c>, as from the READY line): the lab sets its cookie
    /// and redirects to <c>/</c>, and the browser keeps the <c>#view</c>. Waits for nothing more than the page.
    /// </summary>
    public async Task<IResponse?> GotoLinkAsync(string? view = null)
    {
        var link = _labLink ?? throw new InvalidOperationException("not a lab page: open it with BrowserFixture.OpenLabAsync");
        return await Page.GotoAsync(view is null ? link.ToString() : $"{link}#{view}");
    }

    /// <summary>Opens the lab through its link on one view (<c>/#pools</c>) and waits for its live stream.</summary>
    public async Task GotoLabAsync(string view)
    {
        await GotoLinkAsync(view);
        await Page.Locator("#connection[data-state='live']").WaitForAsync();
        await Assertions.Expect(Page.Locator($"#view-{view}")).ToBeVisibleAsync();
    }

    /// <summary>Clicks a lab tab and waits for its view.</summary>
    public async Task SelectTabAsync(string view)
    {
        await Page.Locator($"#tab-{view}").ClickAsync();
        await Page.Locator($"#view-{view}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    /// <summary>Accepts every confirm() (Kill, Remove) and returns the list their messages are added to.</summary>
    public List<string> AcceptDialogs()
    {
        var messages = new List<string>();
        Page.Dialog += async (_, dialog) =>
        {
            lock (messages)
            {
                messages.Add(dialog.Message);
            }

            await dialog.AcceptAsync();
        };
        return messages;
    }

    public Task<string> ScreenshotAsync(string name, bool fullPage = true) => Screenshots.SaveAsync(Page, name, fullPage);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
