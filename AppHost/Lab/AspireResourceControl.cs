using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// <see cref="IResourceControl"/> on Aspire: snapshots from <see cref="ResourceNotificationService"/> (kept by
/// <see cref="ResourceSnapshots"/>), actions through <see cref="ResourceCommandService"/>, the same commands as the
/// dashboard's buttons.
/// </summary>
internal sealed class AspireResourceControl(
    DistributedApplicationModel application,
    ResourceNotificationService notifications,
    ResourceSnapshots snapshots,
    ResourceCommandService commands) : IResourceControl
{
    /// <summary>
    /// Aspire's current state when it knows the resource by that id, else the watched copy: the copy can lag a
    /// command's effect by an event or two, which a reply right after the command must not show.
    /// </summary>
    public CustomResourceSnapshot? Snapshot(string name) =>
        notifications.TryGetCurrentState(name, out var current) ? current.Snapshot : snapshots[name];

    public Task<ExecuteCommandResult> ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken)
    {
        var resource = application.Resources.FirstOrDefault(r => r.Name == name)
            ?? throw new KeyNotFoundException($"no resource named '{name}'");
        return commands.ExecuteCommandAsync(resource, command, cancellationToken);
    }

    public Task WaitForAsync(string name, Func<CustomResourceSnapshot, bool> predicate, CancellationToken cancellationToken) =>
        notifications.WaitForResourceAsync(name, e => predicate(e.Snapshot), cancellationToken);
}
