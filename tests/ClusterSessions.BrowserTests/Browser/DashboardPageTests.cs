using System.Text.RegularExpressions;
using ClusterSessions.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Browser;

/// <summary>The page in Debian's chromium against a real cluster; every test also checks there was no console error.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardPageTests(DashboardCluster cluster, BrowserFixture browser)
{
    private static readonly (string Name, ViewportSize Size)[] Sizes = [("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone)];

    [ChromiumFact]
    public async Task Page_Loads_ListsEveryResourceWithoutConsoleErrors()
    {
        await using var dashboard = await browser.OpenAsync(cluster.Dashboard, BrowserFixture.Desktop);

        await dashboard.GotoAsync();

        foreach (var resource in cluster.App.Resources)
        {
            var row = dashboard.Page.Locator($"[data-resource='{resource.Name}']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("running");
        }

        await Assertions.Expect(dashboard.Page.Locator("[data-group='local'] [data-action='add-node']")).ToBeEnabledAsync();
        Assert.Empty(dashboard.Errors);
    }

    [ChromiumFact]
    public async Task EveryView_DesktopAndPhone_RendersAndIsSavedAsScreenshots()
    {
        await SendTrafficAsync();
        foreach (var (name, size) in Sizes)
        {
            await using var dashboard = await browser.OpenAsync(cluster.Dashboard, size);
            var page = dashboard.Page;
            await dashboard.GotoAsync();
            await Assertions.Expect(page.Locator("[data-resource='local-1'] [data-field='state']")).ToHaveTextAsync("running");
            await dashboard.ScreenshotAsync($"resources-{name}");

            await dashboard.SelectTabAsync("logs");
            await Assertions.Expect(page.Locator("#view-logs .log .line").First).ToBeVisibleAsync();
            await dashboard.ScreenshotAsync($"logs-{name}");

            await dashboard.SelectTabAsync("traffic");
            await Assertions.Expect(page.Locator("#view-traffic [data-pool='local'] .strip span").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#view-traffic tbody tr[data-sequence]").First).ToBeVisibleAsync();
            await dashboard.ScreenshotAsync($"traffic-{name}");

            await dashboard.SelectTabAsync("tryit");
            await Assertions.Expect(page.Locator("#view-tryit [data-pool='sticky'] [data-action='login']")).ToBeVisibleAsync();
            await dashboard.ScreenshotAsync($"tryit-{name}");

            await dashboard.SelectTabAsync("compare");
            await Assertions.Expect(page.Locator("#view-compare [data-role='status']")).ToHaveTextAsync(CompareStatus());
            await dashboard.ScreenshotAsync($"compare-{name}");

            Assert.Empty(dashboard.Errors);
        }
    }

    [ChromiumFact]
    public async Task KillThenStart_Node_StateGoesStoppedThenRunning()
    {
        await using var dashboard = await browser.OpenAsync(cluster.Dashboard, BrowserFixture.Desktop);
        var page = dashboard.Page;
        var confirmations = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            confirmations.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await dashboard.GotoAsync();
        var row = page.Locator("[data-resource='sticky-2']");
        var state = row.Locator("[data-field='state']");
        await Assertions.Expect(state).ToHaveTextAsync("running");
        try
        {
            await row.GetByRole(AriaRole.Button, new() { Name = "Kill sticky-2", Exact = true }).ClickAsync();
            await Assertions.Expect(state).ToHaveTextAsync("stopped");
            Assert.Contains(confirmations, m => m.Contains("Kill sticky-2", StringComparison.Ordinal));
            await Assertions.Expect(row.Locator("[data-field='pid']")).ToHaveTextAsync("–");

            await row.GetByRole(AriaRole.Button, new() { Name = "Start sticky-2", Exact = true }).ClickAsync();
            await Assertions.Expect(state).ToHaveTextAsync("running", new() { Timeout = 30_000 });
            await Assertions.Expect(row.Locator("[data-field='restarts']")).Not.ToHaveTextAsync("0");
            Assert.Empty(dashboard.Errors);
        }
        finally
        {
            // Leave the cluster as the other tests expect it, whatever happened above.
            await cluster.App.ExecuteAsync("sticky-2", Hosting.Orchestration.ResourceAction.Start);
        }
    }

    [ChromiumFact]
    public async Task TryIt_LocalLoginThenReadMe_ShowsAnswersFromMoreThanOneNode()
    {
        await using var dashboard = await browser.OpenAsync(cluster.Dashboard, BrowserFixture.Desktop);
        var page = dashboard.Page;
        await dashboard.GotoAsync("tryit");
        var card = page.Locator("#view-tryit [data-pool='local']");
        await card.Locator("[data-action='reset']").ClickAsync();
        await Assertions.Expect(card.Locator("[data-action='reset']")).ToBeEnabledAsync();

        await card.Locator("[data-action='login']").ClickAsync();
        await Assertions.Expect(card.Locator(".step[data-outcome='ok']")).ToHaveCountAsync(1);
        await card.Locator("[data-action='me-5']").ClickAsync();
        await Assertions.Expect(card.Locator(".step")).ToHaveCountAsync(6);

        var nodes = await card.Locator(".step").EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.node)");
        Assert.True(nodes.Distinct().Count() > 1, $"answers came only from {string.Join(", ", nodes.Distinct())}");
        await Assertions.Expect(card.Locator(".step[data-outcome='lost']").First).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".tally")).ToContainTextAsync("nodes seen: local-1, local-2");
        await dashboard.ScreenshotAsync("tryit-local-desktop");
        Assert.Empty(dashboard.Errors);
    }

    [ChromiumFact]
    public async Task Tabs_Keyboard_ArrowKeysHomeAndEndMoveBetweenViews()
    {
        await using var dashboard = await browser.OpenAsync(cluster.Dashboard, BrowserFixture.Desktop);
        var page = dashboard.Page;
        await dashboard.GotoAsync();

        await page.Locator("#tab-resources").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#tab-logs")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#tab-logs")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#view-logs")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.Locator("#view-compare")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(page.Locator("#view-resources")).ToBeVisibleAsync();

        // Tab from the tabs reaches the view's own controls.
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.closest('[role=tabpanel]')?.id ?? document.activeElement.id");
        Assert.Equal("view-resources", focused);
        Assert.Empty(dashboard.Errors);
    }

    [ChromiumFact]
    public async Task Compare_ApiFailing_ShowsAVisibleMessageNotABlankPanel()
    {
        await using var dashboard = await browser.OpenAsync(cluster.Dashboard, BrowserFixture.Desktop);
        var page = dashboard.Page;
        await page.RouteAsync("**/api/compare", route => route.FulfillAsync(new()
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{"status":503,"error":"compare runner down","detail":"simulated by the test"}""",
        }));

        await dashboard.GotoAsync("compare");

        await Assertions.Expect(page.Locator("#view-compare [data-role='notice']")).ToHaveTextAsync("compare is not available: 503: simulated by the test");
        await dashboard.ScreenshotAsync("compare-unavailable-desktop");
        // The only console error is the browser reporting the failed request itself.
        Assert.All(dashboard.Errors, e => Assert.Contains("503", e, StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Compare_RunSteady_RendersItsTableAndChartsAndKeepsThemOverAReload()
    {
        await using var dashboard = await browser.OpenAsync(cluster.Dashboard, BrowserFixture.Desktop);
        var page = dashboard.Page;
        await dashboard.GotoAsync("compare");
        await Assertions.Expect(page.Locator("#view-compare [data-role='scenario'] option[value='steady']")).ToBeAttachedAsync();

        await page.Locator("#view-compare [data-role='scenario']").SelectOptionAsync("steady");
        await page.Locator("#view-compare [data-role='users']").FillAsync("2");
        await page.Locator("#view-compare [data-role='requests']").FillAsync("10");
        await page.Locator("#view-compare [data-role='run']").ClickAsync();

        var table = page.Locator("#view-compare [data-scenario='steady'] table");
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#view-compare [data-role='status']")).ToHaveTextAsync(new Regex("^done"));
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["metric", "local", "sticky"]);
        await Assertions.Expect(table.Locator("tr[data-metric='continuity'] th")).ToHaveTextAsync("continuity");
        await Assertions.Expect(page.Locator("#view-compare .chart svg")).ToHaveCountAsync(5);
        await dashboard.ScreenshotAsync("compare-results-desktop");

        await page.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#view-compare [data-scenario='steady'] table")).ToBeVisibleAsync();
        await dashboard.ScreenshotAsync("compare-results-phone");
        Assert.Empty(dashboard.Errors);
    }

    private async Task SendTrafficAsync()
    {
        using var gateway = cluster.CreateGatewayClient();
        for (var i = 0; i < 6; i++)
        {
            (await gateway.GetAsync("local/api/visits")).Dispose();
            (await gateway.GetAsync("sticky/api/node")).Dispose();
        }
    }

    [GeneratedRegex("^(idle|running|done|failed)")]
    private static partial Regex CompareStatus();
}
