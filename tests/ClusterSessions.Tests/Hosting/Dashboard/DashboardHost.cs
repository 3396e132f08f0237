using System.Net;
using ClusterSessions.Hosting.Dashboard;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Tests.Hosting.Dashboard;

/// <summary>
/// The dashboard's web server over a cluster that is described but never started: one node per pool, nothing
/// running, so every answer comes from the dashboard itself (the gateway refuses connections).
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    private readonly string _runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-dashboard-").FullName;
    private DashboardServer? _server;

    internal ClusterApplication App { get; private set; } = null!;

    public Uri Url => _server!.Url;

    public async Task InitializeAsync()
    {
        var builder = ClusterApplicationBuilder.Create(
        [
            "--Cluster:Strategies=local,sticky",
            "--Cluster:NodesPerStrategy=1",
            "--Cluster:GatewayPort=0",
            "--Cluster:DashboardPort=0",
            $"--Cluster:RunDirectory={_runDirectory}",
        ]);
        var pools = builder.Strategies.Select(builder.AddNodePool).ToList();
        builder.AddGateway().WithPools(pools);
        App = builder.Build();
        _server = await DashboardServer.StartAsync(App, 0, CancellationToken.None);
    }

    public HttpClient CreateClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = Url,
        Timeout = TimeSpan.FromSeconds(20),
    };

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await App.DisposeAsync();
        Directory.Delete(_runDirectory, recursive: true);
    }
}
