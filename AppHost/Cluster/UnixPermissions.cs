namespace ClusterSessions.AppHost.Cluster;

/// <summary>Owner-only files and folders for what the run folder holds (keys, the store's password, its AOF).</summary>
internal static class UnixPermissions
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates <paramref name="path"/> and any missing parents as 0700 (<c>Directory.CreateDirectory(path, mode)</c>
    /// applies the mode to the last folder only); folders that exist are left as they are.
    /// </summary>
    public static DirectoryInfo CreateOwnerOnlyDirectory(string path)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(path));
        if (OperatingSystem.IsWindows() || directory.Exists)
        {
            directory.Create();
            return directory;
        }

        var missing = new Stack<string>();
        for (var current = directory; current is not null && !current.Exists; current = current.Parent)
        {
            missing.Push(current.FullName);
        }

        while (missing.TryPop(out var next))
        {
            Directory.CreateDirectory(next, OwnerOnlyDirectory);
        }

        directory.Refresh();
        return directory;
    }

    /// <summary>
    /// Writes <paramref name="contents"/> to a file created owner-only (0600) rather than chmod-ed afterwards, so a
    /// secret is never readable by others, whatever the umask.
    /// </summary>
    public static void WriteOwnerOnlyFile(string path, string contents)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, contents);
            return;
        }

        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        // An existing file keeps its old mode on FileMode.Create.
        File.SetUnixFileMode(path, OwnerOnlyFile);
    }

    /// <summary>The permission bits as <c>chmod</c> and <c>ls</c> users read them: <c>0644</c>, <c>1777</c>.</summary>
    public static string Octal(UnixFileMode mode) =>
        Convert.ToString((int)mode & 0b_111_111_111_111, 8).PadLeft(4, '0');
}
