using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

/// <summary>
/// Stops the host when the parent process is gone. Polling is deliberate: Linux offers no portable way
/// for a .NET child to be told of its parent's death (PR_SET_PDEATHSIG fires when the forking thread exits).
/// </summary>
internal sealed partial class ParentProcessWatchdog(
    IOptions<ParentProcessOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<ParentProcessWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parentId = options.Value.Id;
        if (parentId <= 0)
        {
            return;
        }

        var parentStart = TryGetStartTime(parentId);
        if (parentStart is null)
        {
            ParentGone(logger, parentId);
            Exit();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // Compare start times too: a recycled pid is not our parent.
            if (TryGetStartTime(parentId) != parentStart)
            {
                ParentGone(logger, parentId);
                Exit();
                return;
            }
        }
    }

    private void Exit()
    {
        lifetime.StopApplication();
        _ = Task.Delay(GracePeriod, timeProvider).ContinueWith(_ => Environment.Exit(1), TaskScheduler.Default);
    }

    private static DateTime? TryGetStartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Parent process {ParentId} is gone; shutting down.")]
    private static partial void ParentGone(ILogger logger, int parentId);
}
