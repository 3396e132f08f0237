using System.Text.RegularExpressions;
using ClusterSessions.AppHost.Lab.Security;
using ClusterSessions.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClusterSessions.BrowserTests.Browser;

/// <summary>
/// Issue 11: another page open in the same browser as the lab must not drive the lab's control API. Chromium with the
/// lab's cookie in hand (the lab opened through its link first), then a page of another origin that posts to it the
/// ways a page can without asking (no-cors fetch, a form): every attempt is refused, the node keeps running, and the
/// lab page itself still works.
/// </summary>
[Collection(LabCollection.Name)]
public sealed partial class CrossOriginTests(LabCluster cluster, BrowserFixture browser, ITestOutputHelper output)
{
    private const string Node = "jwt-2";

    [ChromiumFact]
    public async Task OtherSitesPage_NoCorsFetchAndFormPostWithTheLabsCookie_AreRefusedAndTheLabPageStillKills()
    {
        await using var lab = await browser.OpenLabAsync(cluster, BrowserFixture.Desktop);
        var confirmations = lab.AcceptDialogs();
        await lab.GotoLabAsync("pools");
        var cookies = await lab.Context.CookiesAsync([cluster.Lab.ToString()]);
        var cookie = Assert.Single(cookies, c => c.Name == ControlToken.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        var before = cluster.Control.FindResource(Node)!;
        Assert.Equal("running", before.State);

        await using var evil = await EvilSite.StartAsync(EvilPage(cluster.Lab, Node));
        var attacker = await lab.Context.NewPageAsync();
        var sent = await SentHeaders.WatchAsync(lab.Context, attacker);
        try
        {
            // 127.0.0.1 on another port is same-site: Chromium sends the Strict cookie, and only Origin tells it apart.
            // localhost is cross-site: no cookie at all.
            foreach (var host in new[] { "127.0.0.1", "localhost" })
            {
                var origin = evil.On(host).GetLeftPart(UriPartial.Authority);
                var attempts = new[] { "kill", "restart", "stop" }.ToDictionary(
                    action => action,
                    action => attacker.WaitForResponseAsync(r => r.Url.EndsWith($"/api/resources/{Node}/{action}", StringComparison.Ordinal)));

                await attacker.GotoAsync(evil.On(host).ToString());

                foreach (var (action, attempt) in attempts)
                {
                    var response = await attempt;
                    Assert.True(response.Status == 403, $"{host}: {action} answered {response.Status}");
                    var headers = await sent.ForAsync(response.Url, origin);
                    output.WriteLine($"{host} {action}: {response.Status}, sent {string.Join(", ", headers.Keys)}");
                    Assert.Equal(origin, headers.GetValueOrDefault("origin"));
                    var withCookie = host == "127.0.0.1" && action != "kill";
                    Assert.True(
                        withCookie == (headers.GetValueOrDefault("cookie")?.Contains($"{ControlToken.CookieName}=", StringComparison.Ordinal) ?? false),
                        $"{host} {action}: the lab's cookie was {(withCookie ? "not " : "")}sent");
                }

                var after = cluster.Control.FindResource(Node)!;
                Assert.Equal("running", after.State);
                Assert.Equal(before.Pid, after.Pid);
            }
        }
        finally
        {
            await attacker.CloseAsync();
        }

        // The lab page itself, in the same browser, still drives the cluster.
        var page = lab.Page;
        await page.BringToFrontAsync();
        var row = page.Locator($"#view-pools tr[data-resource='{Node}']");
        try
        {
            await row.Locator("[data-action='kill']").ClickAsync();

            await Assertions.Expect(row.Locator("[data-field='state']")).ToHaveTextAsync(Gone());
            Assert.Contains(confirmations, m => m.StartsWith($"Kill {Node}?", StringComparison.Ordinal));
            Assert.NotEqual("running", cluster.Control.FindResource(Node)!.State);
        }
        finally
        {
            await cluster.EnsureRunningAsync(Node);
        }
    }

    [ChromiumFact]
    public async Task Page_OpenedWithoutTheLink_SaysHowToGetInAndShowsNoData()
    {
        await using var lab = await browser.OpenAsync(cluster.Lab, BrowserFixture.Desktop);
        var page = lab.Page;

        await page.GotoAsync("/#pools");

        await Assertions.Expect(page.Locator("#banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#banner")).ToContainTextAsync("Open the lab through the link in the AppHost's READY line");
        await Assertions.Expect(page.Locator("#banner")).ToContainTextAsync("Aspire dashboard");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("no control token");
        Assert.Empty(await lab.Context.CookiesAsync([cluster.Lab.ToString()]));
    }

    [ChromiumFact]
    public async Task Link_WrongToken_Answers403AndTheBrowserGetsNoCookie()
    {
        await using var lab = await browser.OpenAsync(cluster.Lab, BrowserFixture.Desktop);

        var response = await lab.Page.GotoAsync("/?t=not-this-runs-token");

        Assert.Equal(403, response?.Status);
        Assert.Empty(await lab.Context.CookiesAsync([cluster.Lab.ToString()]));
    }

    /// <summary>
    /// The attack from the issue, word for word (a no-cors fetch: no cookie, since fetch sends cookies only to its own
    /// origin by default), the same with <c>credentials: "include"</c>, and an auto-submitted form into a hidden frame.
    /// </summary>
    private static string EvilPage(Uri lab, string node)
    {
        var api = $"{lab.GetLeftPart(UriPartial.Authority)}/api/resources/{node}";
        return $$"""
            <!doctype html>
            <title>nothing to see</title>
            <iframe name="sink" hidden></iframe>
            <form id="f" method="post" action="{{api}}/stop" target="sink" enctype="text/plain"><input name="a" value="b"></form>
            <script>
              fetch("{{api}}/kill", { method: "POST", mode: "no-cors" }).catch(() => {});
              fetch("{{api}}/restart", { method: "POST", mode: "no-cors", credentials: "include" }).catch(() => {});
              document.getElementById("f").submit();
            </script>
            """;
    }

    [GeneratedRegex("^(finished|exited)$")]
    private static partial Regex Gone();
}
