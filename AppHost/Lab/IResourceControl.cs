using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// What <see cref="ClusterControl"/> needs from the orchestrator: a resource's latest snapshot, its commands, and a
/// wait for a state. <see cref="AspireResourceControl"/> is Aspire's; unit tests give a fake.
/// </summary>
internal interface IResourceControl
{
    CustomResourceSnapshot? Snapshot(string name);

    /// <summary>Runs a command by name (<c>resource-start</c>, <c>resource-stop</c>, <c>resource-restart</c>, <c>kill</c>).</summary>
    Task<ExecuteCommandResult> ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken);

    /// <summary>Completes when the resource's snapshot satisfies <paramref name="predicate"/>.</summary>
    Task WaitForAsync(string name, Func<CustomResourceSnapshot, bool> predicate, CancellationToken cancellationToken);
}
