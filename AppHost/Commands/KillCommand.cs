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

    private static Task<ExecuteCommandResult> KillAsync(ExecuteCommandContext context)
    {
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        if (!notifications.TryGetCurrentState(context.ResourceName, out var current) || ProcessId(current.Snapshot) is not { } pid)
        {
            return Task.FromResult(CommandResults.Failure($"{context.ResourceName} has no running process"));
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            // A project's pid would be its dotnet-run wrapper; the tree takes the app with it.
            process.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Exited between the snapshot and now: already what was asked for.
        }

        return Task.FromResult(CommandResults.Success());
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
