using System.Diagnostics;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>Runs tests/jose-verify/verify.mjs: the jose npm library checks a token against a JWK Set URL.</summary>
internal static class JoseVerifier
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "jose-verify");

    public static string? WhyUnavailable()
    {
        if (Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(p => File.Exists(Path.Combine(p, "node"))) != true)
        {
            return "node is not on PATH";
        }

        return System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "jose"))
            ? null
            : $"jose is not installed (run: npm ci --prefix {Directory})";
    }

    public static async Task<(bool Verified, string Output)> VerifyAsync(Uri jwks, string token, string issuer, string audience)
    {
        var startInfo = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (var argument in new[] { "verify.mjs", jwks.ToString(), token, issuer, audience })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode == 0, output + error);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClusterSessions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ClusterSessions.sln not found above the test assembly");
    }
}
