using System.Diagnostics;

namespace ClusterSessions.AppHost.Compare.Cost;

/// <summary>CPU time (user + system) a process has used so far, as the operating system counts it.</summary>
internal static class ProcessCpu
{
    /// <summary>Null when the process is gone or the platform does not say.</summary>
    public static TimeSpan? Used(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or PlatformNotSupportedException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The sum over <paramref name="pids"/>; null when any of them cannot be read, so a dead node never reads as free.</summary>
    public static TimeSpan? Used(IReadOnlyCollection<int> pids)
    {
        if (pids.Count == 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (var pid in pids)
        {
            if (Used(pid) is not { } used)
            {
                return null;
            }

            total += used;
        }

        return total;
    }
}
