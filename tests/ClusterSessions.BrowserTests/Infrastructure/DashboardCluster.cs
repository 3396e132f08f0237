using System.Globalization;
using System.Net;
using System.Reflection;
using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Hosting.Testing;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// A real cluster (the AppHost's own topology through <see cref="ClusterTesting"/>): the <c>local</c> and <c>sticky</c>
/// pools, two nodes each, and the gateway, on free ports. Small on purpose: two cores run it and a browser.
/// </summary>
public sealed class DashboardCluster : IAsyncLifetime
{
    public const int NodesPerStrategy = 2;

    private readonly string _runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-browser-").FullName;

    public ClusterApplication App { get; private set; } = null!;

    public Uri Dashboard => App.DashboardUrl!;

    public Uri Gateway => App.GatewayUrl!;

    /// <summary>The gateway's admin port, as the AppHost handed it over (<c>Gateway__AdminPort</c>).</summary>
    public int GatewayAdminPort =>
        int.Parse(App.FindResource("gateway")!.Environment["Gateway__AdminPort"](), CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        App = await ClusterTesting.StartAsync(
            Assembly.Load("ClusterSessions.AppHost"),
            [
                "--Cluster:Strategies=local,sticky",
                $"--Cluster:NodesPerStrategy={NodesPerStrategy}",
                "--Cluster:GatewayPort=0",
                "--Cluster:DashboardPort=0",
                $"--Cluster:RunDirectory={_runDirectory}",
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

    /// <summary>The dashboard's API with a cookie jar (the Try it relay keys its visits by a dashboard cookie).</summary>
    public HttpClient CreateDashboardClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer() })
    {
        BaseAddress = Dashboard,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Straight to the gateway, no cookies: round-robin reaches every node.</summary>
    public HttpClient CreateGatewayClient() => new(new HttpClientHandler { UseCookies = false })
    {
        BaseAddress = Gateway,
        Timeout = TimeSpan.FromSeconds(10),
    };
}
