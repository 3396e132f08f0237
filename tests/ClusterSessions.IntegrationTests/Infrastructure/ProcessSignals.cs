using ClusterSessions.IntegrationTests.Infrastructure.Processes;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>SIGSTOP/SIGCONT freeze a server without closing its sockets: the way to make a real server hang.</summary>
public static class ProcessSignals
{
    // Linux signal numbers (x64 and arm64).
    private const int SigStop = 19;
    private const int SigCont = 18;

    /// <summary>
    /// Sends SIGSTOP and waits until the kernel reports the process stopped: kill() returns before every thread
    /// has stopped, and a command sent in that window can still be answered.
    /// </summary>
    public static void Freeze(int processId)
    {
        Send(processId, SigStop);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (State(processId) != 'T')
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Process {processId} did not stop after SIGSTOP.");
            }

            Thread.Sleep(5);
        }
    }

    public static void Thaw(int processId) => Send(processId, SigCont);

    // /proc/<pid>/stat: "pid (comm) S ..."; the state follows the last ')' (comm may contain spaces).
    private static char State(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    private static void Send(int processId, int signal)
    {
        if (NativeMethods.Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to process {processId}.");
        }
    }
}
