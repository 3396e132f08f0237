using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.AppHost.Lab.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// A real cluster started from the AppHost's own Program.cs with Aspire.Hosting.Testing: DCP runs the Redis, node and
/// gateway processes on free ports, in a run folder of its own. Subclasses pick the strategies.
/// </summary>
public abstract class ClusterFixture(IMessageSink diagnostics, string strategies, int nodesPerStrategy = 3, params string[] extraArguments) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Clusters start one at a time (every collection runs at once, on two cores): a dozen processes starting together
    /// with three other clusters' would take minutes instead of seconds. They queue in <see cref="StartOrder"/>, so the
    /// clusters with the longest tests get going first (the gate releases its waiters in the order they came).
    /// </summary>
    private static readonly SemaphoreSlim StartGate = new(1, 1);

    public string RunDirectory { get; } = Directory.CreateTempSubdirectory("cluster-sessions-test-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    internal ClusterModel Model { get; private set; } = null!;

    /// <summary>The lab's control of the cluster: resource actions through Aspire's <c>ResourceCommandService</c>, pool changes.</summary>
    internal ClusterControl Control { get; private set; } = null!;

    public Uri Gateway => Model.Gateway!.Url;

    public Uri Lab => Model.LabUrl!;

    /// <summary>0 starts first; the longer a collection's tests, the sooner its cluster should start.</summary>
    protected virtual int StartOrder => 9;

    public async Task InitializeAsync()
    {
        var queued = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(StartOrder));

        await StartGate.WaitAsync();
        try
        {
            await StartAsync(queued.Elapsed);
        }
        finally
        {
            StartGate.Release();
        }
    }

    private async Task StartAsync(TimeSpan queued)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ClusterSessions_AppHost>(
            [
                $"--Cluster:Strategies={strategies}",
                $"--Cluster:NodesPerStrategy={nodesPerStrategy}",
                "--Cluster:GatewayPort=0",
                "--Cluster:DashboardPort=0",
                "--Cluster:LabPort=0",
                $"--Cluster:RunDirectory={RunDirectory}",
                .. extraArguments,
            ],
            timeout.Token);
        // The testing builder copies every resource's console to the logs: keep only their warnings and errors.
        builder.Services.AddLogging(logging => logging.AddFilter($"{builder.Environment.ApplicationName}.Resources", LogLevel.Warning));
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        Model = App.Services.GetRequiredService<ClusterModel>();
        Control = App.Services.GetRequiredService<ClusterControl>();
        await Task.WhenAll(Model.RequiredResources.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        diagnostics.OnMessage(new DiagnosticMessage($"cluster {strategies} × {nodesPerStrategy}: every resource healthy {clock.Elapsed.TotalSeconds:0} s after start, {queued.TotalSeconds:0} s in the queue before (gateway {Gateway}, lab {Lab})"));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        Directory.Delete(RunDirectory, recursive: true);
    }

    /// <summary>A browser-like client through the gateway: its own cookie jar, no automatic redirects.</summary>
    public HttpClient CreateClient(string strategy) => new(new HttpClientHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = new Uri(Gateway, $"/{strategy}/"),
        // Generous: a node's first requests JIT their code paths, which on a busy two-core machine takes seconds.
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A client of the lab's control API (<c>/api/resources</c>, <c>/api/pools</c>…), as a script calls it: with this run's token.</summary>
    public HttpClient CreateLabClient()
    {
        var client = CreateLabClientWithoutToken();
        client.DefaultRequestHeaders.Add(ControlToken.HeaderName, Model.ControlToken.Value);
        return client;
    }

    /// <summary>The same without the token: what the lab must refuse.</summary>
    public HttpClient CreateLabClientWithoutToken() => new() { BaseAddress = Lab, Timeout = TimeSpan.FromSeconds(90) };

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
    /// Waits until round-robin reaches every member node of the pool again and each says it is ready (/health 200,
    /// which includes its store): after a store outage each node reconnects on its own, and the gateway's active checks
    /// take a probe or two to put them back.
    /// </summary>
    public async Task WaitUntilPoolServedAsync(string strategy)
    {
        var expected = Model.FindPool(strategy)!.Members.Select(n => n.Name).ToHashSet();
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
}
