using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace ClusterSessions.AppHost.Lab;

/// <summary>The latest Aspire snapshot of every resource, by its model name (what the lab and compare call it).</summary>
internal sealed class ResourceSnapshots(ResourceNotificationService notifications) : BackgroundService
{
    private readonly ConcurrentDictionary<string, CustomResourceSnapshot> _latest = new(StringComparer.Ordinal);

    public CustomResourceSnapshot? this[string name] => _latest.TryGetValue(name, out var snapshot) ? snapshot : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                _latest[change.Resource.Name] = change.Snapshot;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
