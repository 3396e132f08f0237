using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.AppHost.Commands;

/// <summary>
/// The dashboard's <c>Kill</c> button: SIGKILL of the resource's whole process tree, a crash with no clean shutdown.
/// Aspire's own Stop is graceful; a dying node or Redis is what the demo is about.
/// </summary>
internal static class KillCommand
{
    public const string Name = "kill";

    /// <summary>The snapshot property DCP fills with an executable's process id.</summary>
    private const string PidProperty = "executable.pid";

    public static IResourceBuilder<T> WithKillCommand<T>(this IResourceBuilder<T> builder)
        where T : IResource =>
        builder.WithCommand(Name, "Kill", KillAsync, new CommandOptions
        {
            Description = "SIGKILL the process and its children: a crash, no graceful shutdown",
            IconName = "Flash",
            IsHighlighted = false,
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });

    /// <summary>How long a snapshot naming a process that is gone may take to be replaced by a current one.</summary>
    private static readonly TimeSpan StaleSnapshotWait = TimeSpan.FromSeconds(5);

    private static async Task<ExecuteCommandResult> KillAsync(ExecuteCommandContext context)
    {
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        if (!notifications.TryGetCurrentState(context.ResourceName, out var current) || ProcessId(current.Snapshot) is not { } pid)
        {
            return CommandResults.Failure($"{context.ResourceName} has no running process");
        }

        if (TryKill(pid))
        {
            return CommandResults.Success();
        }

        // The process is gone. Either it exited on its own and the snapshot has not caught up, or the resource was just
        // started again and the snapshot still names the previous process, with the state already Running. Reporting
        // success then would leave the new process running, so wait for a snapshot that settles which it is.
        var timeProvider = context.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        using var timeout = new CancellationTokenSource(StaleSnapshotWait, timeProvider);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, timeout.Token);
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(wait.Token).ConfigureAwait(false))
            {
                if (resourceEvent.ResourceId != context.ResourceName)
                {
                    continue;
                }

                if (resourceEvent.Snapshot.State?.Text != KnownResourceStates.Running)
                {
                    return CommandResults.Success();
                }

                if (ProcessId(resourceEvent.Snapshot) is { } next && next != pid && TryKill(next))
                {
                    return CommandResults.Success();
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        return CommandResults.Failure($"{context.ResourceName}: process {pid} is gone and no newer process was reported; try again");
    }

    /// <summary>SIGKILL of the process tree; false when there is no process <paramref name="pid"/> any more.</summary>
    private static bool TryKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // A project's pid would be its dotnet-run wrapper; the tree takes the app with it.
            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The pid DCP reports for the resource (<c>executable.pid</c>), or null when it has none.</summary>
    internal static int? ProcessId(CustomResourceSnapshot snapshot)
    {
        var value = snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value;
        return value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };
    }
}
