using System.Net;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.AppHost.Lab.Security;
using ClusterSessions.AppHost.Redis.Provisioning;
using ClusterSessions.Tests.AppHost.Lab.Security;
using ClusterSessions.Tests.AppHost.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>
/// The lab's web server (<see cref="LabServer.Create"/>) on a loopback port, over a cluster that is described but not
/// running: a store, a gateway whose port nobody listens on, and pools <c>local</c> and <c>sticky</c> of two nodes and
/// one spare each. Aspire is <see cref="FakeResourceControl"/>; the gateway's admin API is
/// <see cref="FakeGatewayAdmin"/> when given, else there is none. What the lab logs is kept in <see cref="Logs"/>.
/// </summary>
public sealed class LabHost : IAsyncLifetime
{
    private readonly FakeGatewayAdmin? _gatewayAdmin;
    private readonly string _runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-lab-").FullName;
    private readonly ILoggerFactory _loggerFactory;
    private WebApplication? _app;

    public LabHost()
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(Logs));
    }

    internal LabHost(FakeGatewayAdmin gatewayAdmin)
        : this() => _gatewayAdmin = gatewayAdmin;

    internal LogLines Logs { get; } = new();

    internal FakeResourceControl Resources { get; } = new();

    internal FakeTimeProvider Clock { get; } = TestClock.Create();

    internal ClusterModel Model { get; private set; } = null!;

    internal ClusterControl Cluster { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = CreateModel(_runDirectory);
        Cluster = new ClusterControl(Model, Resources, _gatewayAdmin?.Client, Clock, NullLogger<ClusterControl>.Instance);
        _app = LabServer.Create(Cluster, 0, _loggerFactory);
        await _app.StartAsync();
        Url = new Uri(_app.Urls.Single());
    }

    /// <summary>A script's client: this run's token as <c>X-Control-Token</c>, a cookie jar, no automatic redirects.</summary>
    public HttpClient CreateClient()
    {
        var client = CreateClientWithoutToken();
        client.DefaultRequestHeaders.Add(ControlToken.HeaderName, Model.ControlToken.Value);
        return client;
    }

    /// <summary>The same without the token: a browser that never opened the lab's link, or another site's page.</summary>
    public HttpClient CreateClientWithoutToken(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Url,
            Timeout = TimeSpan.FromSeconds(20),
        };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _loggerFactory.Dispose();
        Directory.Delete(_runDirectory, recursive: true);
    }

    private static ClusterModel CreateModel(string runDirectory)
    {
        var options = new ClusterOptions
        {
            Strategies = "local,sticky",
            NodesPerStrategy = 2,
            SpareNodesPerStrategy = 1,
            GatewayPort = 0,
            DashboardPort = 0,
            LabPort = 0,
            RunDirectory = runDirectory,
        };
        var model = new ClusterModel(options, runDirectory)
        {
            // Allocated, never listened on: whatever the lab sends the gateway is refused.
            Gateway = new GatewayEndpoints("gateway", FreePorts.Allocate(), FakeGatewayAdmin.AdminPort),
            Store = new StoreInfo("redis", $"redis-server, AOF in {runDirectory}", "127.0.0.1:1", RedisServerKind.RedisServer),
            DashboardLoginUrl = new Uri("http://127.0.0.1:18888/login?t=token"),
        };
        foreach (var strategy in options.StrategyList)
        {
            model.Add(TestNodePools.Create(strategy, options.NodesPerStrategy, options.SpareNodesPerStrategy));
        }

        return model;
    }
}
