using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.AppHost.Cluster;

internal static class TelemetryExtensions
{
    /// <summary>
    /// Aspire's OTLP variables, so the process's logs, traces and metrics reach the dashboard; none when the dashboard
    /// is off (compare, tests): an exporter with nowhere to send keeps retrying and costs every idle node CPU.
    /// </summary>
    public static IResourceBuilder<T> WithTelemetryToDashboard<T>(this IResourceBuilder<T> builder, ClusterModel model)
        where T : IResourceWithEnvironment =>
        model.DashboardLoginUrl is null ? builder : builder.WithOtlpExporter();
}
