using System.Diagnostics;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>How to start one server process: what the Redis resource runs (and the integration tests start themselves).</summary>
internal sealed record RedisServerLaunch
{
    /// <summary>The line both redis-server and Garnet print on stdout once they accept connections.</summary>
    public const string DefaultReadyMarker = "Ready to accept connections";

    public required RedisServerKind Kind { get; init; }

    public required string FileName { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    public required string WorkingDirectory { get; init; }

    public required int Port { get; init; }

    /// <summary>A StackExchange.Redis configuration string (<c>127.0.0.1:6390[,password=…]</c>), password included.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Substring of the stdout line that means "ready".</summary>
    public string ReadyMarker { get; init; } = DefaultReadyMarker;

    /// <summary>The command line for logs, with the password masked.</summary>
    public string DisplayCommandLine
    {
        get
        {
            var parts = new List<string> { FileName };
            for (var i = 0; i < Arguments.Count; i++)
            {
                var masked = i > 0 && Arguments[i - 1] is "--requirepass" or "--password";
                var argument = masked ? "*****" : Arguments[i];
                parts.Add(argument.Length == 0 ? "\"\"" : argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument);
            }

            return string.Join(' ', parts);
        }
    }

    public ProcessStartInfo ToProcessStartInfo()
    {
        var startInfo = new ProcessStartInfo(FileName)
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
