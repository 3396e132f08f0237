using System.Text.RegularExpressions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// Every process of one AppHost run: the AppHost, DCP (which detaches from it: <c>dcp start-apiserver --monitor
/// &lt;AppHost pid&gt;</c>, its <c>run-controllers</c> and <c>monitor-process</c> helpers), the resources DCP started
/// (their pids as the lab reports them, and every child of DCP), and anything whose command line names the run folder.
/// </summary>
internal static partial class RunProcesses
{
    public static IReadOnlyList<LinuxProcess> Find(int appHostPid, string? runDirectory, IEnumerable<int> resourcePids)
    {
        var all = LinuxProcess.All();
        // The AppHost's pid counts even once it has exited: DCP's command line still names it.
        var pids = new HashSet<int>(resourcePids) { appHostPid };
        var found = all.Where(p => pids.Contains(p.Pid) || (runDirectory is not null && p.CommandLine.Contains(runDirectory, StringComparison.Ordinal))).ToDictionary(p => p.Pid);
        pids.UnionWith(found.Keys);
        bool grew;
        do
        {
            var kubeconfigs = found.Values.Select(p => Kubeconfig().Match(p.CommandLine)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
            var added = all.Where(p => !found.ContainsKey(p.Pid)
                && (pids.Contains(p.ParentPid)
                    || Monitors(p.CommandLine).Any(pids.Contains)
                    || kubeconfigs.Any(k => p.CommandLine.Contains(k, StringComparison.Ordinal)))).ToList();
            foreach (var process in added)
            {
                found[process.Pid] = process;
                pids.Add(process.Pid);
            }

            grew = added.Count > 0;
        }
        while (grew);

        return [.. found.Values.OrderBy(p => p.Pid)];
    }

    /// <summary>Waits until none of <paramref name="processes"/> is alive; returns those still alive at the deadline.</summary>
    public static async Task<IReadOnlyList<LinuxProcess>> WaitUntilGoneAsync(IEnumerable<LinuxProcess> processes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<LinuxProcess> alive;
        while ((alive = [.. processes.Where(p => p.IsAlive)]).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return alive;
    }

    private static IEnumerable<int> Monitors(string commandLine) =>
        Monitor().Matches(commandLine).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"--monitor (\d+)")]
    private static partial Regex Monitor();

    [GeneratedRegex(@"--kubeconfig (\S+)")]
    private static partial Regex Kubeconfig();
}
