namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>Finds the programs the provisioning needs.</summary>
internal static class RedisServerLocator
{
    /// <summary>redis-server on PATH, or <see langword="null"/>.</summary>
    public static string? FindRedisServer() => FindOnPath("redis-server");

    /// <summary>Mode=Auto: redis-server when it is on PATH, else Garnet (which needs nothing but the SDK).</summary>
    public static RedisServerKind ResolveAuto() => FindRedisServer() is null ? RedisServerKind.Garnet : RedisServerKind.RedisServer;

    /// <summary>An executable file named <paramref name="fileName"/> in a PATH directory, or <see langword="null"/>.</summary>
    public static string? FindOnPath(string fileName, string? path = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        path ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var names = OperatingSystem.IsWindows() ? new[] { fileName + ".exe", fileName } : [fileName];
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The dotnet host: the one running this process if it is dotnet, else DOTNET_HOST_PATH, DOTNET_ROOT, PATH.</summary>
    public static string FindDotnet()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == exe)
        {
            return current;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, exe)))
        {
            return Path.Combine(root, exe);
        }

        return FindOnPath("dotnet") ?? exe;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
