using System.Net;
using ClusterSessions.Hosting.Dashboard.Assets;
using ClusterSessions.Hosting.Dashboard.Events;
using ClusterSessions.Hosting.Dashboard.Pools;
using ClusterSessions.Hosting.Dashboard.Traffic;
using ClusterSessions.Hosting.Dashboard.TryIt;
using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Hosting.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.Hosting.Dashboard;

/// <summary>
/// The AppHost's own web server on the dashboard port: the page (<c>/</c>), its JSON API and its event streams.
/// Loopback only: it can stop and kill processes.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>Open event streams end when the dashboard stops; this only bounds a request that does not.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(ClusterApplication cluster, int requestedPort, CancellationToken cancellationToken)
    {
        var port = PortAllocator.Allocate(requestedPort);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        AddDashboardServices(builder.Services, cluster);

        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapDashboardAssets();
        app.MapDashboardApi(cluster);
        app.MapPoolEndpoints(cluster);
        app.MapEventEndpoints(cluster);
        app.MapTryItEndpoints(cluster);
        app.MapCompareEndpoints(cluster);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DashboardServer(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void AddDashboardServices(IServiceCollection services, ClusterApplication cluster)
    {
        var timeProvider = cluster.TimeProvider;
        services.AddSingleton(cluster);
        services.AddSingleton(timeProvider);
        services.AddSingleton(_ => new TrafficFeed(
            cluster.GatewayAdmin is { } admin ? admin.GetTrafficAsync : null,
            timeProvider));
        services.AddSingleton<DashboardEventStream>();
        services.AddSingleton<TryItSessions>();
        services.AddSingleton<TryItClient>();
    }
}
