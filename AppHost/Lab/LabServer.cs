using System.Net;
using ClusterSessions.AppHost.Lab.Assets;
using ClusterSessions.AppHost.Lab.Events;
using ClusterSessions.AppHost.Lab.Pools;
using ClusterSessions.AppHost.Lab.Security;
using ClusterSessions.AppHost.Lab.Traffic;
using ClusterSessions.AppHost.Lab.TryIt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// The lab's own web server, inside the AppHost on <c>Cluster:LabPort</c>: the page (<c>/</c>), its control API and
/// its event streams. Loopback only, and only with the run's control token: it can stop and kill processes.
/// </summary>
internal sealed class LabServer(ClusterControl cluster, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    /// <summary>Open event streams end when the lab stops; this only bounds a request that does not.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = cluster.Model.LabUrl ?? throw new InvalidOperationException("the lab has no URL: AddLab() sets it");
        _app = Create(cluster, url.Port, loggerFactory);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The lab's web application on <paramref name="port"/> of 127.0.0.1 (0: a free one), not started yet.</summary>
    /// <param name="loggerFactory">Where refused requests are logged (the AppHost's console); none when null.</param>
    internal static WebApplication Create(ClusterControl cluster, int port, ILoggerFactory? loggerFactory = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddProblemDetails();
        builder.Services.AddLabHostFiltering();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        AddLabServices(builder.Services, cluster);

        var app = builder.Build();
        app.UseLabSecurity(cluster.Model.ControlToken, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ControlTokenMiddleware>());
        app.UseStatusCodePages();
        app.MapLabAssets();
        app.MapLabApi(cluster);
        app.MapPoolEndpoints(cluster);
        app.MapEventEndpoints();
        app.MapTryItEndpoints(cluster);
        app.MapCompareEndpoints(cluster);
        return app;
    }

    private static void AddLabServices(IServiceCollection services, ClusterControl cluster)
    {
        var timeProvider = cluster.TimeProvider;
        services.AddSingleton(cluster);
        services.AddSingleton(timeProvider);
        services.AddSingleton(_ => new TrafficFeed(
            cluster.GatewayAdmin is { } admin ? admin.GetTrafficAsync : null,
            timeProvider));
        services.AddSingleton<LabEventStream>();
        services.AddSingleton<TryItSessions>();
        services.AddSingleton<TryItClient>();
    }
}
