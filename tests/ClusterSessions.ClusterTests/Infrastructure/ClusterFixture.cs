using System.Net;
using System.Reflection;
using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Hosting.Testing;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// A real cluster started through the AppHost's own entry point (like Aspire's DistributedApplicationTestingBuilder):
/// real node and gateway processes on free ports. Subclasses pick the strategies.
/// </summary>
public abstract class ClusterFixture(string strategies, int nodesPerStrategy = 3, params string[] extraArguments) : IAsyncLifetime
{
    private readonly string _runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-test-").FullName;

    public ClusterApplication App { get; private set; } = null!;

    public Uri Gateway => App.GatewayUrl!;

    public Uri Dashboard => App.DashboardUrl!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        App = await ClusterTesting.StartAsync(
            Assembly.Load("ClusterSessions.AppHost"),
            [
                $"--Cluster:Strategies={strategies}",
                $"--Cluster:NodesPerStrategy={nodesPerStrategy}",
                "--Cluster:GatewayPort=0",
                "--Cluster:DashboardPort=0",
                $"--Cluster:RunDirectory={_runDirectory}",
                .. extraArguments,
            ],
            timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        Directory.Delete(_runDirectory, recursive: true);
    }

    /// <summary>A browser-like client through the gateway: its own cookie jar, no automatic redirects.</summary>
    public HttpClient CreateClient(string strategy) => new(new HttpClientHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = new Uri(Gateway, $"/{strategy}/"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// Waits until the gateway routes to <paramref name="node"/> again, and still does once the failures from
    /// before its restart have left the passive health check's 5 s window (until then it may be taken out again).
    /// </summary>
    public async Task WaitUntilServedAsync(string strategy, string node)
    {
        var firstServed = await WaitForRouteAsync(strategy, node, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(6) - (DateTime.UtcNow - firstServed) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        await WaitForRouteAsync(strategy, node, TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Waits until round-robin reaches every node of the pool again and each says it is ready (/health 200, which
    /// includes its store): after a store outage each node reconnects on its own, and the gateway's active checks
    /// take a probe or two to put them back.
    /// </summary>
    public async Task WaitUntilPoolServedAsync(string strategy)
    {
        var expected = App.Pools.Single(p => p.Strategy == strategy).Nodes.Select(n => n.Name).ToHashSet();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false })
        {
            BaseAddress = new Uri(Gateway, $"/{strategy}/"),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < expected.Count * 2; i++)
            {
                using var response = await client.GetAsync("health");
                if (response.IsSuccessStatusCode && response.Headers.TryGetValues("X-Served-By", out var values))
                {
                    seen.Add(values.Single());
                }
            }

            if (seen.IsSupersetOf(expected))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the gateway did not route to every {strategy} node within 30 s");
    }

    private async Task<DateTime> WaitForRouteAsync(string strategy, string node, TimeSpan timeout)
    {
        // No cookies: an affinity cookie would pin these probes to one node.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false })
        {
            BaseAddress = new Uri(Gateway, $"/{strategy}/"),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("api/node");
            var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : $"{(int)response.StatusCode}";
            if (servedBy == node)
            {
                return DateTime.UtcNow;
            }

            seen.Add(servedBy);
            await Task.Delay(50);
        }

        var counts = string.Join(", ", seen.GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"));
        throw new TimeoutException($"the gateway did not route to {node} within {timeout.TotalSeconds:0} s (served by {counts})");
    }

    public HttpClient CreateDashboardClient() => new() { BaseAddress = Dashboard, Timeout = TimeSpan.FromSeconds(30) };
}
