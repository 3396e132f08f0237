using System.Runtime.Versioning;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>
/// The run folder (<c>Cluster:RunDirectory</c>) holds what a run must keep from other local users: the store's AOF
/// (every session, the shared Data Protection key, unencrypted), its password, the jwt pool's signing keys. It is
/// made owner-only (0700) and, with the process umask at 077 (<see cref="Umask"/>), everything created in it is too.
/// </summary>
/// <remarks>
/// Something already in it that is open to others (a run folder from before this check, a copy made with another
/// umask) fails the start with one line, rather than being chmod-ed silently: its contents may have been read
/// already (deleting the folder also replaces the keys and the password), and a mistyped path must never make the
/// AppHost change the modes of a tree it does not own.
/// </remarks>
internal static class RunDirectory
{
    private const string Key = "Cluster:RunDirectory";

    /// <summary>
    /// Creates the folder 0700, or makes an existing one 0700, then checks what it holds. Returns null, with the
    /// absolute path in <paramref name="path"/>, or the one line (naming the key) that says why the run cannot use it.
    /// </summary>
    public static string? TryPrepare(string configured, out string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(configured);
        path = Path.GetFullPath(configured);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return null;
        }

        try
        {
            if (!Directory.Exists(path))
            {
                UnixPermissions.CreateOwnerOnlyDirectory(path);
                return null;
            }

            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.StickyBit | UnixFileMode.OtherWrite)) != 0)
            {
                return $"{Key}: {path} is a folder others can write to (mode {UnixPermissions.Octal(mode)}); give the run a folder of its own";
            }

            if ((mode & UnixPermissions.GroupOrOthers) != 0)
            {
                File.SetUnixFileMode(path, mode & ~UnixPermissions.GroupOrOthers);
            }

            return FindProblem(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"{Key}: {path} cannot be made owner-only: {exception.Message}";
        }
    }

    /// <summary>
    /// The first entry at or under <paramref name="root"/> whose mode gives group or others any access, as the line
    /// that fails the start; null when everything is owner-only. Symbolic links are skipped (their own mode means nothing).
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static string? FindProblem(string root)
    {
        var directory = new DirectoryInfo(root);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
        foreach (var entry in directory.EnumerateFileSystemInfos("*", options).Prepend(directory))
        {
            var open = entry.UnixFileMode & UnixPermissions.GroupOrOthers;
            if (entry.LinkTarget is null && open != 0)
            {
                var access = (open & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0 ? "readable"
                    : (open & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0 ? "writable"
                    : "accessible";
                return $"{Key}: {entry.FullName} is {access} by others (mode {UnixPermissions.Octal(entry.UnixFileMode)}); run chmod -R go-rwx {root} or delete it";
            }
        }

        return null;
    }
}
