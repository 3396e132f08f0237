using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>
/// Prints <c>READY gateway=… dashboard=… lab=…</c> once the store, the gateway and every node are healthy: the line
/// scripts and tests wait for (DESIGN.md § The control contract). Both the dashboard's and the lab's links carry their
/// token (<c>?t=</c>): the line is the way in for whoever can read the AppHost's console.
/// </summary>
internal sealed class ReadyAnnouncer(ClusterModel model, ResourceNotificationService notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(model.RequiredResources.Select(name => notifications.WaitForResourceHealthyAsync(name, stoppingToken))).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(Line(model)).ConfigureAwait(false);
        await Console.Out.FlushAsync(stoppingToken).ConfigureAwait(false);
    }

    internal static string Line(ClusterModel model) =>
        $"READY gateway={Trim(model.Gateway?.Url)} dashboard={Trim(model.DashboardLoginUrl)} lab={Trim(model.LabLoginUrl)}";

    private static string Trim(Uri? url) => url?.ToString().TrimEnd('/') ?? "-";
}
