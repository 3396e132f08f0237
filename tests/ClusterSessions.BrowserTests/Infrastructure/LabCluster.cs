using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Gateway;
using ClusterSessions.AppHost.Lab;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// The AppHost's default topology (Redis, the gateway, four pools of three nodes and their spares) started through
/// Aspire.Hosting.Testing on free ports, with the real Aspire dashboard on: the lab and the dashboard are both the
/// pages a user opens.
/// </summary>
public sealed class LabCluster : IAsyncLifetime
{
    /// <summary>Redis, the gateway and three nodes for each of the four strategies.</summary>
    public const int RequiredResourceCount = 14;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-browser-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    internal ClusterModel Model => App.Services.GetRequiredService<ClusterModel>();

    internal ClusterControl Control => App.Services.GetRequiredService<ClusterControl>();

    /// <summary>The store, the gateway and every node that is not a spare: the resources READY waits for.</summary>
    public IReadOnlyList<string> RequiredResources => [.. Model.RequiredResources];

    /// <summary>The spare nodes: resources that stay NotStarted until a pool scales out.</summary>
    public IReadOnlyList<string> Spares => [.. Model.Pools.SelectMany(p => p.Nodes).Where(n => n.Spare).Select(n => n.Name)];

    public Uri Lab => Model.LabUrl!;

    /// <summary>The lab's link as the READY line prints it (<c>/?t=&lt;token&gt;</c>): the way a browser gets in.</summary>
    public Uri LabLink => Model.LabLoginUrl!;

    /// <summary>This run's control token, as scripts send it (<c>X-Control-Token</c>).</summary>
    public string ControlToken => Model.ControlToken.Value;

    public Uri Gateway => Model.Gateway!.Url;

    public int GatewayAdminPort => Model.Gateway!.AdminPort;

    /// <summary>The Aspire dashboard's login link, its browser token included.</summary>
    public Uri DashboardLogin =>
        Model.DashboardLoginUrl ?? throw new InvalidOperationException("the AppHost started without its dashboard");

    /// <summary>Where the Aspire dashboard answers (its pages are relative to it).</summary>
    public Uri Dashboard => new(DashboardLogin.GetLeftPart(UriPartial.Authority));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ClusterSessions_AppHost>(
            [
                "--Cluster:GatewayPort=0",
                "--Cluster:DashboardPort=0",
                "--Cluster:LabPort=0",
                $"--Cluster:RunDirectory={_runDirectory}",
            ],
            (application, _) => application.DisableDashboard = false,
            timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        try
        {
            await App.StartAsync(timeout.Token);
            await Task.WhenAll(RequiredResources.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        }
        catch
        {
            // Stop what did start, whether or not xunit disposes a fixture that failed: no processes left behind.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
            App = null!;
        }

        if (Directory.Exists(_runDirectory))
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
    }

    /// <summary>
    /// The lab's API as a script calls it: this run's token in <c>X-Control-Token</c>, and a cookie jar (the Try it
    /// relay keys its visits by a lab cookie).
    /// </summary>
    public HttpClient CreateLabClient()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = Lab,
            Timeout = TimeSpan.FromSeconds(90),
        };
        client.DefaultRequestHeaders.Add(AppHost.Lab.Security.ControlToken.HeaderName, ControlToken);
        return client;
    }

    /// <summary>The gateway's admin API (pools, traffic), with this run's admin token as the AppHost sends it.</summary>
    public HttpClient CreateGatewayAdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{GatewayAdminPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add(GatewayAdminToken.HeaderName, GatewayAdminToken.Value);
        return client;
    }

    /// <summary>Straight to the gateway, no cookies: round-robin reaches every node.</summary>
    public HttpClient CreateGatewayClient() => new(new HttpClientHandler { UseCookies = false })
    {
        BaseAddress = Gateway,
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A browser-like client of one pool through the gateway: its own cookie jar.</summary>
    public HttpClient CreatePoolClient(string strategy) => new(new HttpClientHandler { CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(Gateway, $"/{strategy}/"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Starts <paramref name="node"/> again when a test left it stopped, so the next test finds the cluster whole.</summary>
    internal async Task EnsureRunningAsync(string node)
    {
        if (Control.FindResource(node) is { State: not "running" })
        {
            await Control.ExecuteAsync(node, ResourceAction.Start);
        }
    }
}
