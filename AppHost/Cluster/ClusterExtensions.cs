using System.Globalization;
using Aspire.Hosting;
using ClusterSessions.AppHost.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.AppHost.Cluster;

internal static class ClusterExtensions
{
    /// <summary>
    /// Reads and validates <c>Cluster:*</c> (one line per bad value, then exit 1), makes the run folder owner-only (or
    /// exits 1 with one line when something in it is open to others, see <see cref="RunDirectory"/>), puts the Aspire
    /// dashboard on <c>Cluster:DashboardPort</c> over http, and registers the <see cref="ClusterModel"/> the rest of the
    /// AppHost fills in.
    /// </summary>
    public static ClusterModel AddCluster(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.GetClusterOptions();
        if (RunDirectory.TryPrepare(options.RunDirectory, out var runDirectory) is { } problem)
        {
            Console.Error.WriteLine($"error: {problem}");
            Environment.Exit(1);
        }

        var model = new ClusterModel(options, runDirectory);
        builder.Services.AddSingleton(model);
        // The AppHost picks every port itself; DCP must not move the dashboard's proxied endpoints elsewhere (the
        // testing builder asks it to), or the READY line and the OTLP address the processes get would be wrong.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DcpPublisher:RandomizePorts"] = "false" });
        // A stopped or killed node fails its health check every few seconds: the dashboard shows that, the console need not.
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical));
        builder.ConfigureDashboard(model);
        return model;
    }

    public static ClusterModel GetClusterModel(this IDistributedApplicationBuilder builder) =>
        builder.Services.Where(s => s.ServiceType == typeof(ClusterModel)).Select(s => s.ImplementationInstance).OfType<ClusterModel>().SingleOrDefault()
        ?? throw new InvalidOperationException("AddCluster() must come first in the AppHost's Program.cs");

    /// <summary>
    /// The dashboard answers on plain http on loopback (no developer certificate is needed), and its OTLP endpoint on a
    /// free port. Its login token is the one Aspire made (or <c>AppHost:BrowserToken</c> when configured).
    /// </summary>
    private static void ConfigureDashboard(this IDistributedApplicationBuilder builder, ClusterModel model)
    {
        if (builder.Configuration["AppHost:BrowserToken"] is not { Length: > 0 } token)
        {
            // Dashboard off (compare, tests) or explicitly anonymous.
            return;
        }

        var port = FreePorts.Allocate(model.Options.DashboardPort);
        var otlpPort = FreePorts.Allocate();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{otlpPort.ToString(CultureInfo.InvariantCulture)}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = null,
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        });
        model.DashboardLoginUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/login?t={token}");
    }
}
