using System.Globalization;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// A process as /proc shows it. <see cref="StartTime"/> (clock ticks after boot) tells a process from a later one that
/// reuses its pid.
/// </summary>
internal sealed record LinuxProcess(int Pid, int ParentPid, char State, long StartTime, string CommandLine)
{
    /// <summary>Every process now; those that exit while being read are left out.</summary>
    public static IReadOnlyList<LinuxProcess> All()
    {
        var processes = new List<LinuxProcess>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } process)
            {
                processes.Add(process);
            }
        }

        return processes;
    }

    public static LinuxProcess? Read(int pid)
    {
        try
        {
            // "pid (comm) S ppid …": the fields after the last ')' (comm may contain spaces and parentheses).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
            return new LinuxProcess(
                pid,
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                fields[0][0],
                long.Parse(fields[19], CultureInfo.InvariantCulture),
                commandLine);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Its environment (<c>/proc/pid/environ</c>), or null once it has exited.</summary>
    public IReadOnlyList<string>? Environment()
    {
        try
        {
            return File.ReadAllText($"/proc/{Pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Still this process (not a later one with its pid), and not a zombie waiting to be reaped.</summary>
    public bool IsAlive => Read(Pid) is { } now && now.StartTime == StartTime && now.State != 'Z';

    public override string ToString() => $"{Pid} {CommandLine}";
}
