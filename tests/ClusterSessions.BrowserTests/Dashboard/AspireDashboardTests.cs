using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClusterSessions.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Dashboard;

/// <summary>
/// The real Aspire dashboard the AppHost starts, in Debian's chromium: its Resources page, the traces the gateway,
/// the nodes and StackExchange.Redis send it, and the AppHost's Kill command in a resource's menu.
/// </summary>
[Collection(LabCollection.Name)]
public sealed partial class AspireDashboardTests(LabCluster cluster, BrowserFixture browser)
{
    private const string StateText = "td[col-index='2'] .state-column-cell > span:first-of-type";

    /// <summary>Tall enough for every resource row.</summary>
    private static readonly ViewportSize Viewport = new() { Width = 1440, Height = 1220 };

    [ChromiumFact]
    public async Task Resources_AfterLogin_ListsTheFourteenResourcesRunningAndHealthyAndTheSparesNotRunning()
    {
        await using var dashboard = await LogInAsync();
        var page = dashboard.Page;

        // "Running", not "Running (Unhealthy)": the health checks pass too.
        foreach (var name in cluster.RequiredResources)
        {
            await Assertions.Expect(StateCell(page, name)).ToHaveTextAsync("Running");
        }

        foreach (var name in cluster.Spares)
        {
            await Assertions.Expect(StateCell(page, name)).ToHaveTextAsync(NotRunning());
        }

        var states = (await page.Locator($"tr.resource-row {StateText}").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
        Assert.Equal(LabCluster.RequiredResourceCount, states.Count(s => s == "Running"));
        // Aspire's own dashboard resource is hidden: only the AppHost's resources are listed.
        Assert.Equal(cluster.RequiredResources.Count + cluster.Spares.Count, states.Count);
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync($"Showing {states.Count} resources");
        await dashboard.ScreenshotAsync("aspire-resources", fullPage: false);
    }

    [ChromiumFact]
    public async Task Traces_CartRequestThroughTheGateway_HasSpansFromTheGatewayARedisNodeAndRedis()
    {
        // Our own trace id on the request, so the test finds this trace among everyone else's.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var redisPool = cluster.CreatePoolClient("redis");
        using var login = await redisPool.PostAsJsonAsync("api/login", new { username = "alice", password = "alice-secret" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/cart/items") { Content = JsonContent.Create(new { sku = "trace-tea", quantity = 1 }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var added = await redisPool.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var node = added.ServedBy()!;
        Assert.StartsWith("redis-", node, StringComparison.Ordinal);
        await using var dashboard = await LogInAsync();
        var page = dashboard.Page;

        // The Traces page filtered to this trace id (its "filters" query, as the page's own filter menu writes it).
        await page.GotoAsync($"/traces?filters=trace.traceid:equals:{traceId}");

        // Each process exports its spans in batches every few seconds.
        var row = page.Locator("tr.fluent-data-grid-row").Filter(new() { Has = page.Locator($"td[title*='{traceId}']") });
        await Assertions.Expect(row.Locator(".trace-name-content")).ToContainTextAsync("gateway: POST /redis/{**rest}", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator(".trace-service-tag")).ToContainTextAsync(
            [new Regex(@"^gateway \(\d+\)"), new Regex($@"^{node} \(\d+\)"), new Regex(@"^redis \(\d+\)")],
            new() { Timeout = 30_000 });

        await page.GotoAsync($"/traces/detail/{traceId}");
        await Assertions.Expect(SpanCell(page, "gateway: POST /redis/{**rest}")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(SpanCell(page, $"{node}: POST /api/cart/items")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // StackExchange.Redis's spans ("DATA redis HMGET", …) from the node, to the redis resource as their peer.
        var redisSpan = page.Locator("td[col-index='1']", new() { HasTextRegex = RedisCommandSpan() }).First;
        await Assertions.Expect(redisSpan).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(redisSpan).ToHaveAttributeAsync("title", new Regex($"^{node}: DATA redis "));
        await Assertions.Expect(redisSpan.Locator(".uninstrumented-peer")).ToHaveTextAsync("redis");
        await dashboard.ScreenshotAsync("aspire-trace", fullPage: false);
    }

    [ChromiumFact]
    public async Task KillCommand_FromTheResourceActionsMenu_KillsTheNodeAndItShowsNotRunning()
    {
        const string node = "jwt-2";
        await using var dashboard = await LogInAsync();
        var page = dashboard.Page;
        var state = StateCell(page, node);
        await Assertions.Expect(state).ToHaveTextAsync("Running");
        var pid = cluster.Control.FindResource(node)!.Pid!.Value;
        try
        {
            await ChooseFromActionsMenuAsync(page, node, "Kill");

            await Assertions.Expect(state).ToHaveTextAsync(FinishedOrExited());
            await Assertions.Expect(page.GetByText($"{node} \"Kill\" succeeded")).ToBeVisibleAsync();
            Assert.DoesNotContain(Process.GetProcesses(), p => p.Id == pid);
            Assert.Contains(cluster.Control.FindResource(node)!.State, new[] { "finished", "exited" });
        }
        finally
        {
            await cluster.EnsureRunningAsync(node);
        }

        await Assertions.Expect(state).ToHaveTextAsync("Running", new() { Timeout = 30_000 });
    }

    /// <summary>Opens the login link (its token sets the dashboard's cookie) and waits for the Resources page.</summary>
    private async Task<BrowserPage> LogInAsync()
    {
        var dashboard = await browser.OpenAsync(cluster.Dashboard, Viewport);
        await dashboard.Page.GotoAsync(cluster.DashboardLogin.ToString());
        await dashboard.Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        await Assertions.Expect(ResourceRow(dashboard.Page, "gateway")).ToBeVisibleAsync();
        return dashboard;
    }

    /// <summary>
    /// Opens a resource's "…" menu and picks <paramref name="command"/>. A click that lands before the Blazor page is
    /// interactive opens nothing, so the menu is opened again until it shows.
    /// </summary>
    private static async Task ChooseFromActionsMenuAsync(IPage page, string resource, string command)
    {
        var item = page.GetByRole(AriaRole.Menuitem, new() { Name = command, Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await ResourceRow(page, resource).GetByRole(AriaRole.Button, new() { Name = "Actions", Exact = true }).ClickAsync();
            try
            {
                await item.WaitForAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (Exception exception) when (exception is System.TimeoutException or PlaywrightException && attempt < 5)
            {
                // Not interactive yet: try again.
            }
        }

        await item.ClickAsync();
    }

    private static ILocator ResourceRow(IPage page, string name) =>
        page.Locator("tr.resource-row").Filter(new()
        {
            Has = page.Locator(".resource-name-text", new() { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }),
        });

    /// <summary>
    /// The state column's text, without the badge of unread error logs beside it: "Running" only when the health
    /// checks pass ("Running (Unhealthy)" otherwise), "Not started", "Finished"…
    /// </summary>
    private static ILocator StateCell(IPage page, string name) => ResourceRow(page, name).Locator(StateText);

    /// <summary>A span row of the trace detail page: its first cell's title is "{resource}: {span name}".</summary>
    private static ILocator SpanCell(IPage page, string title) => page.Locator($"td[col-index='1'][title='{title}']");

    [GeneratedRegex(@"^(Not started|Finished|Exited)\s*$")]
    private static partial Regex NotRunning();

    [GeneratedRegex(@"^(Finished|Exited)\s*$")]
    private static partial Regex FinishedOrExited();

    [GeneratedRegex("DATA redis [A-Z]+")]
    private static partial Regex RedisCommandSpan();
}
