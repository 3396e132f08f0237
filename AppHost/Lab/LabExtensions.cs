using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.AppHost.Lab;

internal static class LabExtensions
{
    /// <summary>
    /// The lab page and control API on <c>Cluster:LabPort</c> (linked from the gateway in the Aspire dashboard), and the
    /// READY line once every resource is healthy.
    /// </summary>
    public static IDistributedApplicationBuilder AddLab(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var model = builder.GetClusterModel();
        model.LabUrl = new Uri($"http://127.0.0.1:{FreePorts.Allocate(model.Options.LabPort)}");
        builder.AddClusterControl();
        builder.Services.AddHostedService<LabServer>();
        builder.Services.AddHostedService<ReadyAnnouncer>();
        foreach (var gateway in builder.Resources.OfType<GatewayResource>())
        {
            // With the token: the dashboard asks for its own login first, so whoever sees this link may drive the lab.
            builder.CreateResourceBuilder(gateway).WithUrl(model.LabLoginUrl!.ToString(), "Lab: Try it, Traffic, Compare, Pools");
        }

        return builder;
    }

    /// <summary>The <see cref="ClusterControl"/> the lab and compare drive the cluster with.</summary>
    public static IDistributedApplicationBuilder AddClusterControl(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (builder.Services.Any(s => s.ServiceType == typeof(ResourceSnapshots)))
        {
            return builder;
        }

        builder.Services.AddSingleton<ResourceSnapshots>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ResourceSnapshots>());
        builder.Services.AddSingleton(services =>
        {
            var model = services.GetRequiredService<ClusterModel>();
            var admin = model.Gateway is { } gateway
                ? new GatewayAdminClient(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, gateway.AdminPort)
                : null;
            var resources = new AspireResourceControl(
                services.GetRequiredService<DistributedApplicationModel>(),
                services.GetRequiredService<ResourceNotificationService>(),
                services.GetRequiredService<ResourceSnapshots>(),
                services.GetRequiredService<ResourceCommandService>());
            return new ClusterControl(
                model,
                resources,
                admin,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<ClusterControl>>());
        });
        return builder;
    }
}
