using System.Text;
using System.Text.RegularExpressions;
using ClusterSessions.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Browser;

/// <summary>The lab page in Debian's chromium against the real AppHost: its four views, their loading states and their actions.</summary>
[Collection(LabCollection.Name)]
public sealed partial class LabPageTests(LabCluster cluster, BrowserFixture browser)
{
    private static readonly string[] Strategies = ["local", "sticky", "redis", "jwt"];

    [ChromiumFact]
    public async Task Page_Loads_ShowsTheHeaderLinksAndTheTryItViewWithoutConsoleErrors()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;

        var response = await lab.GotoLinkAsync();

        // The link's token is now the lab's cookie, and off the address bar.
        Assert.Equal(cluster.Lab.GetLeftPart(UriPartial.Authority) + "/", response?.Url);
        Assert.DoesNotContain("t=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page).ToHaveTitleAsync("ClusterSessions lab");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ClusterSessions lab");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page).ToHaveURLAsync(TryItHash());
        await Assertions.Expect(page.Locator("#tab-tryit")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#view-tryit")).ToBeVisibleAsync();
        var dashboard = page.Locator("#dashboard-link");
        await Assertions.Expect(dashboard).ToBeVisibleAsync();
        await Assertions.Expect(dashboard).ToHaveTextAsync("Aspire dashboard ↗");
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("href", cluster.DashboardLogin.ToString());
        await Assertions.Expect(page.Locator("#gateway-url")).ToHaveTextAsync(cluster.Gateway.ToString().TrimEnd('/'));
        foreach (var strategy in Strategies)
        {
            await Assertions.Expect(page.Locator($"#view-tryit [data-pool='{strategy}'] [data-action='login']")).ToBeVisibleAsync();
        }

        Assert.Empty(lab.Errors);
    }

    [ChromiumFact]
    public async Task EveryView_BeforeTheFirstData_SaysLoading()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        // Hold the live stream, the state fallback and compare's own state unanswered: no view has data yet.
        foreach (var api in new[] { "**/api/events", "**/api/state", "**/api/compare" })
        {
            await page.RouteAsync(api, _ => Task.CompletedTask);
        }

        await lab.GotoLinkAsync("pools");

        var pools = page.Locator("#view-pools");
        await Assertions.Expect(pools.Locator("[data-role='summary']")).ToHaveTextAsync("loading…");
        await Assertions.Expect(pools.Locator("[data-role='groups'] [data-role='loading']")).ToHaveTextAsync("loading…");
        await Assertions.Expect(pools.Locator("[data-role='policy'] option")).ToHaveTextAsync("loading…");
        await lab.SelectTabAsync("traffic");
        var traffic = page.Locator("#view-traffic");
        await Assertions.Expect(traffic.Locator("[data-role='summary']")).ToHaveTextAsync("loading…");
        await Assertions.Expect(traffic.Locator("[data-role='rows'] tr[data-role='loading']")).ToHaveTextAsync("loading…");
        await lab.SelectTabAsync("tryit");
        await Assertions.Expect(page.Locator("#view-tryit [data-role='pools'] [data-role='loading']")).ToHaveTextAsync("loading…");
        await lab.SelectTabAsync("compare");
        var compare = page.Locator("#view-compare");
        await Assertions.Expect(compare.Locator("[data-role='scenario'] option")).ToHaveTextAsync("loading…");
        await Assertions.Expect(compare.Locator("[data-role='status']")).ToHaveTextAsync("loading…");
        await Assertions.Expect(compare.Locator("[data-role='report']")).ToHaveTextAsync("loading…");
        await Assertions.Expect(compare.Locator("[data-role='run']")).ToBeDisabledAsync();
        Assert.Empty(lab.Errors);
    }

    [ChromiumFact]
    public async Task TryIt_LoginThenReadMeFiveTimes_EachPoolShowsWhereItsSessionLives()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        await lab.GotoLabAsync("tryit");

        var results = new Dictionary<string, (string[] Outcomes, string[] Nodes)>();
        foreach (var strategy in Strategies)
        {
            var card = page.Locator($"#view-tryit [data-pool='{strategy}']");
            await card.Locator("[data-action='reset']").ClickAsync();
            await Assertions.Expect(card.Locator("[data-action='reset']")).ToBeEnabledAsync();
            await card.Locator("[data-action='login']").ClickAsync();
            await Assertions.Expect(card.Locator(".step[data-outcome='ok']")).ToHaveCountAsync(1);
            await card.Locator("[data-action='me-5']").ClickAsync();
            await Assertions.Expect(card.Locator(".step")).ToHaveCountAsync(6);
            await Assertions.Expect(card.Locator("[data-action='me-5']")).ToBeEnabledAsync();
            // The five reads: every step after the login.
            var steps = card.Locator(".step");
            results[strategy] = (
                (await steps.EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.outcome)"))[1..],
                (await steps.EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.node)"))[1..]);
            await Assertions.Expect(card.Locator(".tally")).ToContainTextAsync("nodes seen: ");
        }

        // local: each node's own memory, so round-robin loses the login. sticky: pinned to one node.
        // redis and jwt: every node reads the session, so it holds wherever the request lands.
        Assert.Contains("lost", results["local"].Outcomes);
        Assert.True(results["local"].Nodes.Distinct().Count() > 1, $"local answered only from {string.Join(", ", results["local"].Nodes.Distinct())}");
        Assert.All(results["sticky"].Outcomes, o => Assert.Equal("held", o));
        Assert.Single(results["sticky"].Nodes.Distinct());
        foreach (var strategy in new[] { "redis", "jwt" })
        {
            Assert.All(results[strategy].Outcomes, o => Assert.Equal("held", o));
            Assert.True(results[strategy].Nodes.Distinct().Count() > 1, $"{strategy} answered only from {string.Join(", ", results[strategy].Nodes.Distinct())}");
        }

        await lab.ScreenshotAsync("lab-tryit");
        Assert.Empty(lab.Errors);
    }

    [ChromiumFact]
    public async Task Traffic_BeforeDataThenAfterRequests_SaysLoadingThenListsThem()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/events", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await lab.GotoLinkAsync("traffic");
        var view = page.Locator("#view-traffic");
        await Assertions.Expect(view.Locator("[data-role='summary']")).ToHaveTextAsync("loading…");
        await Assertions.Expect(view.Locator("[data-role='rows'] tr[data-role='loading']")).ToHaveTextAsync("loading…");

        release.SetResult();
        await SendTrafficAsync();

        await Assertions.Expect(view.Locator("[data-role='rows'] tr[data-role='loading']")).ToHaveCountAsync(0);
        await Assertions.Expect(view.Locator("[data-role='rows'] tr[data-sequence]").First).ToBeVisibleAsync();
        await Assertions.Expect(view.Locator("[data-role='rows']")).ToContainTextAsync("GET /local/api/visits");
        await Assertions.Expect(view.Locator("[data-role='rows']")).ToContainTextAsync("GET /sticky/api/node");
        await Assertions.Expect(view.Locator("[data-role='summary']")).ToContainTextAsync("requests since the gateway started");
        await Assertions.Expect(view.Locator("[data-pool='local'] .strip span").First).ToBeVisibleAsync();
        await lab.ScreenshotAsync("lab-traffic");
        Assert.Empty(lab.Errors);
    }

    [ChromiumFact]
    public async Task Traffic_NoRequestsYet_SaysSoInsteadOfLoading()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        using var client = cluster.CreateLabClient();
        var state = await client.GetStringAsync("api/state");
        // A gateway that has proxied nothing: the real state, then a traffic event without records (retry: the page
        // would reconnect at once when this short stream ends).
        var stream = $"retry: 600000\nevent: state\ndata: {state}\n\nevent: traffic\nid: 0\ndata: {{\"records\":[],\"last\":0,\"counts\":{{}},\"error\":null}}\n\n";
        await page.RouteAsync("**/api/events", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/event-stream",
            BodyBytes = Encoding.UTF8.GetBytes(stream),
        }));

        await lab.GotoLinkAsync("traffic");

        var view = page.Locator("#view-traffic");
        await Assertions.Expect(view.Locator("[data-role='rows'] tr[data-role='empty']")).ToHaveTextAsync("No requests yet.");
        await Assertions.Expect(view.Locator("[data-role='summary']")).ToHaveTextAsync("No requests yet: try the Try it view, or curl the gateway.");
    }

    [ChromiumFact]
    public async Task Compare_RunSteadyShort_RendersItsTableAndCharts()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        await lab.GotoLabAsync("compare");
        var view = page.Locator("#view-compare");
        await Assertions.Expect(view.Locator("[data-role='scenario'] option[value='steady']")).ToBeAttachedAsync();

        await view.Locator("[data-role='scenario']").SelectOptionAsync("steady");
        // The smallest run the form takes: one user, ten requests per strategy.
        await view.Locator("[data-role='users']").FillAsync("1");
        await view.Locator("[data-role='requests']").FillAsync("10");
        await view.Locator("[data-role='run']").ClickAsync();

        var table = view.Locator("[data-scenario='steady'] table");
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(view.Locator("[data-role='status']")).ToHaveTextAsync(new Regex("^done"));
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["metric", .. Strategies]);
        await Assertions.Expect(table.Locator("tr[data-metric='continuity'] th")).ToHaveTextAsync("continuity");
        await Assertions.Expect(view.Locator(".chart svg")).ToHaveCountAsync(5);
        await lab.ScreenshotAsync("lab-compare");
        Assert.Empty(lab.Errors);
    }

    [ChromiumFact]
    public async Task Pools_KillThenStartANode_ItsRowShowsItFinishedThenRunning()
    {
        const string node = "local-2";
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        var confirmations = lab.AcceptDialogs();
        await lab.GotoLabAsync("pools");
        var row = page.Locator($"#view-pools tr[data-resource='{node}']");
        var state = row.Locator("[data-field='state']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-place", "member");
        await Assertions.Expect(state).ToHaveTextAsync("running");
        try
        {
            await row.Locator("[data-action='kill']").ClickAsync();

            await Assertions.Expect(state).ToHaveTextAsync(Gone());
            Assert.Contains(confirmations, m => m.StartsWith($"Kill {node}?", StringComparison.Ordinal));
            await Assertions.Expect(row.Locator("[data-field='pid']")).ToHaveTextAsync("–");
            await Assertions.Expect(row.Locator("[data-field='uptime']")).ToHaveTextAsync("–");
            await Assertions.Expect(row.Locator("[data-action='kill']")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync(new Regex($"{node} is (finished|exited)"));

            await row.Locator("[data-action='start']").ClickAsync();

            await Assertions.Expect(state).ToHaveTextAsync("running", new() { Timeout = 60_000 });
            await Assertions.Expect(row.Locator("[data-field='health'] .chip")).ToHaveTextAsync("healthy");
            await Assertions.Expect(row.Locator("[data-field='pid']")).ToHaveTextAsync(new Regex(@"^\d+$"));
            await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync($"{node} is running");
            Assert.Empty(lab.Errors);
        }
        finally
        {
            // Leave the cluster as the other tests expect it, whatever happened above.
            await cluster.EnsureRunningAsync(node);
        }
    }

    [ChromiumFact]
    public async Task Pools_AddNodeThenRemoveIt_ASpareBecomesAMemberThenASpareAgain()
    {
        const string strategy = "sticky";
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        var confirmations = lab.AcceptDialogs();
        await lab.GotoLabAsync("pools");
        var card = page.Locator($"#view-pools [data-group='{strategy}']");
        await Assertions.Expect(card.Locator("[data-role='count']")).ToHaveTextAsync("3 nodes · 2 spares");
        await Assertions.Expect(card.Locator("[data-role='affinity']")).ToBeVisibleAsync();
        var spare = card.Locator("tbody[data-role='spares'] tr[data-resource]").First;
        var node = await spare.GetAttributeAsync("data-resource");
        Assert.Equal("sticky-4", node);
        var row = card.Locator($"tr[data-resource='{node}']");
        try
        {
            await card.Locator("[data-action='add-node']").ClickAsync();

            await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync($"{node} joined the {strategy} pool", new() { Timeout = 60_000 });
            await Assertions.Expect(card.Locator($"tbody[data-role='members'] tr[data-resource='{node}']")).ToBeVisibleAsync();
            await Assertions.Expect(row).ToHaveAttributeAsync("data-place", "member");
            await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("running");
            await Assertions.Expect(card.Locator("[data-role='count']")).ToHaveTextAsync("4 nodes · 1 spare");
            Assert.Contains(cluster.Model.FindPool(strategy)!.Members, m => m.Name == node);
            await lab.ScreenshotAsync("lab-pools");

            await row.Locator("[data-action='remove']").ClickAsync();

            await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync($"{node} left the {strategy} pool", new() { Timeout = 60_000 });
            Assert.Contains(confirmations, m => m.StartsWith($"Remove {node} from the {strategy} pool?", StringComparison.Ordinal));
            await Assertions.Expect(card.Locator($"tbody[data-role='spares'] tr[data-resource='{node}']")).ToBeVisibleAsync();
            await Assertions.Expect(row).ToHaveAttributeAsync("data-place", "spare");
            await Assertions.Expect(card.Locator("[data-role='count']")).ToHaveTextAsync("3 nodes · 2 spares");
            await Assertions.Expect(card.Locator("[data-action='add-node']")).ToBeEnabledAsync();
            Assert.DoesNotContain(cluster.Model.FindPool(strategy)!.Members, m => m.Name == node);
            Assert.Empty(lab.Errors);
        }
        finally
        {
            if (cluster.Model.FindPool(strategy)!.Members.Any(m => m.Name == node))
            {
                await cluster.Control.RemoveNodeAsync(node!);
            }
        }
    }

    [ChromiumFact]
    public async Task Pools_ApplyAnotherLoadBalancingPolicy_TheGatewayBalancesWithIt()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        using var admin = cluster.CreateGatewayAdminClient();
        await lab.GotoLabAsync("pools");
        var select = page.Locator("#policy-select");
        await Assertions.Expect(select).ToBeEnabledAsync();
        await Assertions.Expect(select).ToHaveValueAsync("RoundRobin");
        try
        {
            await select.SelectOptionAsync("LeastRequests");
            await page.Locator("#view-pools [data-role='apply']").ClickAsync();

            await Assertions.Expect(page.Locator("#toasts")).ToContainTextAsync("The gateway now balances with LeastRequests");
            await Assertions.Expect(select).ToHaveValueAsync("LeastRequests");
            Assert.Equal("LeastRequests", cluster.Model.LoadBalancing);
            var pools = await (await admin.GetAsync("_gateway/pools")).JsonAsync();
            Assert.All(Strategies, strategy => Assert.Equal("LeastRequests", pools.GetProperty(strategy).GetProperty("loadBalancing").GetString()));
            Assert.Empty(lab.Errors);
        }
        finally
        {
            await cluster.Control.SetLoadBalancingAsync("RoundRobin");
        }
    }

    [ChromiumFact]
    public async Task Tabs_Keyboard_ArrowKeysHomeAndEndMoveBetweenViews()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var page = lab.Page;
        await lab.GotoLabAsync("tryit");

        await page.Locator("#tab-tryit").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#tab-traffic")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#tab-traffic")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#view-traffic")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.Locator("#view-pools")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#pools$"));
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(page.Locator("#view-tryit")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Locator("#view-pools")).ToBeVisibleAsync();
        Assert.Empty(lab.Errors);
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

    [GeneratedRegex("#tryit$")]
    private static partial Regex TryItHash();

    [GeneratedRegex("^(finished|exited)$")]
    private static partial Regex Gone();
}
