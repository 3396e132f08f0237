using System.Runtime.InteropServices;

namespace ClusterSessions.ClusterTests.Infrastructure;

internal static class NativeMethods
{
    // Linux signal numbers (x64 and arm64).
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>kill(2): a negative <paramref name="pid"/> signals that whole process group, as a terminal's Ctrl+C does.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Kill(int pid, int signal);
}
