using System.Runtime.InteropServices;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>
/// The process's file-creation mask (umask(2)). Set to 077 before the AppHost starts anything, every file and folder
/// this process and its children (DCP, redis-server or Garnet, the nodes, the gateway inherit it) create is
/// owner-only: the run folder's AOF holds every session and the shared Data Protection key, unencrypted.
/// </summary>
internal static class Umask
{
    // 077: no permission bit for group (---) or others (---).
    private const uint GroupAndOthers = 0b_000_111_111;

    /// <summary>umask 077 on Linux and macOS; nothing elsewhere (Windows has no umask).</summary>
    public static void RestrictToOwner()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = SetMask(GroupAndOthers);
        }
    }

    // mode_t is 32 bits on Linux and 16 on macOS; either way the mask fits the low bits of the register it is passed in.
    // [DllImport] rather than [LibraryImport]: the latter needs AllowUnsafeBlocks in the project, and a blittable
    // uint -> uint call has no marshalling for its source generator to write anyway.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetMask(uint mask);
}
