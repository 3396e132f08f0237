using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>Finds (and restores) the garnet-server local dotnet tool.</summary>
internal static class GarnetTool
{
    public const string PackageId = "garnet-server";

    /// <summary>
    /// Looks upwards from <paramref name="startDirectory"/> (default: the current directory, then the app's base
    /// directory) for a tool manifest that lists garnet-server, and resolves GarnetServer.dll in the NuGet cache.
    /// </summary>
    public static GarnetToolInfo? Find(string? startDirectory = null)
    {
        var starts = startDirectory is not null
            ? [startDirectory]
            : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
            {
                foreach (var manifest in new[] { Path.Combine(directory.FullName, ".config", "dotnet-tools.json"), Path.Combine(directory.FullName, "dotnet-tools.json") })
                {
                    if (File.Exists(manifest) && ReadPinnedVersion(manifest) is { } version)
                    {
                        return new GarnetToolInfo(manifest, directory.FullName, version, ResolveServerDll(GetPackagesRoot(), version));
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Runs <c>dotnet tool restore</c> in <paramref name="repositoryRoot"/>; throws with its output when it fails.</summary>
    public static async Task RestoreAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(RedisServerLocator.FindDotnet())
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("tool");
        startInfo.ArgumentList.Add("restore");
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start 'dotnet tool restore'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'dotnet tool restore' in {repositoryRoot} failed with exit code {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }

    /// <summary>The NuGet global packages folder that <c>dotnet tool restore</c> fills.</summary>
    internal static string GetPackagesRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    internal static string? ReadPinnedVersion(string manifestPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifestPath));
            return document.RootElement.TryGetProperty("tools", out var tools)
                && tools.TryGetProperty(PackageId, out var tool)
                && tool.TryGetProperty("version", out var version)
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// tools/&lt;tfm&gt;/any/DotnetToolSettings.xml names the entry point. The newest target framework this
    /// runtime can run wins.
    /// </summary>
    internal static string? ResolveServerDll(string packagesRoot, string version)
    {
        var tools = Path.Combine(packagesRoot, PackageId, version.ToLowerInvariant(), "tools");
        if (!Directory.Exists(tools))
        {
            return null;
        }

        var candidates = Directory.GetDirectories(tools)
            .Select(path => (Path: path, Version: ParseTargetFramework(Path.GetFileName(path))))
            .Where(c => c.Version is not null && c.Version.Major <= Environment.Version.Major)
            .OrderByDescending(c => c.Version);
        foreach (var (path, _) in candidates)
        {
            var settings = Path.Combine(path, "any", "DotnetToolSettings.xml");
            if (!File.Exists(settings))
            {
                continue;
            }

            var entryPoint = XDocument.Load(settings).Descendants("Command").Select(c => (string?)c.Attribute("EntryPoint")).FirstOrDefault();
            if (entryPoint is not null && File.Exists(Path.Combine(path, "any", entryPoint)))
            {
                return Path.Combine(path, "any", entryPoint);
            }
        }

        return null;
    }

    private static Version? ParseTargetFramework(string folder) =>
        folder.StartsWith("net", StringComparison.Ordinal) && Version.TryParse(folder[3..], out var version) ? version : null;
}
