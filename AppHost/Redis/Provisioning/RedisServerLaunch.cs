using System.Diagnostics;
using System.Text;
using StackExchange.Redis;

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

    /// <summary>The password's file (owner-only), to be written (<see cref="RedisServerConfigFile.Write"/>) before the server starts; null without a password.</summary>
    public RedisServerConfigFile? ConfigFile { get; init; }

    /// <summary>Substring of the stdout line that means "ready".</summary>
    public string ReadyMarker { get; init; } = DefaultReadyMarker;

    /// <summary>The command line for logs (a password given as an argument, as older launches did, is masked).</summary>
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

    /// <summary><see cref="ConnectionString"/> with the password masked, for logs.</summary>
    public string DisplayConnectionString => ConfigurationOptions.Parse(ConnectionString).ToString(includePassword: false);

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

    // Records print every property; the connection string carries the password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", CommandLine = ").Append(DisplayCommandLine)
            .Append(", WorkingDirectory = ").Append(WorkingDirectory)
            .Append(", Port = ").Append(Port)
            .Append(", ConnectionString = ").Append(DisplayConnectionString)
            .Append(", ConfigFile = ").Append(ConfigFile);
        return true;
    }
}
