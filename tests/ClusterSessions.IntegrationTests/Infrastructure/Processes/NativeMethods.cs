using System.Runtime.InteropServices;

namespace ClusterSessions.IntegrationTests.Infrastructure.Processes;

internal static class NativeMethods
{
    public const int SigTerm = 15;

    // Process.Kill sends SIGKILL; a graceful stop needs SIGTERM, which .NET has no API to send.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Kill(int pid, int signal);
}
