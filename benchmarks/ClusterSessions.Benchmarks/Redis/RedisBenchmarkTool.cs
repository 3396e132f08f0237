using System.Diagnostics;
using System.Globalization;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.Benchmarks.Redis;

/// <summary>Runs Redis' own <c>redis-benchmark</c> and reads its quiet-mode summary lines.</summary>
internal static class RedisBenchmarkTool
{
    public static string? Find() => RedisServerLocator.FindOnPath("redis-benchmark");

    /// <summary>
    /// <c>redis-benchmark -h H -p P [-a pw] -t set,get -c C -n N -q</c>: C connections, one request in flight on
    /// each (no -P, so pipelining is off: -P 1), the default 3-byte value and one fixed key, as below.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, double>> RunAsync(string executable, RedisConnectionOptions server, int concurrency, int requests)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            "-h", server.Host, "-p", server.Port.ToString(CultureInfo.InvariantCulture),
            "-t", "set,get", "-c", concurrency.ToString(CultureInfo.InvariantCulture),
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-q",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (server.Password is not null)
        {
            startInfo.ArgumentList.Add("-a");
            startInfo.ArgumentList.Add(server.Password);
            startInfo.ArgumentList.Add("--no-auth-warning");
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start redis-benchmark.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-benchmark exited with code {process.ExitCode}: {text}");
        }

        return Parse(text);
    }

    /// <summary>
    /// Quiet mode rewrites a progress line with '\r' and ends each test with
    /// <c>SET: 41493.78 requests per second, p50=0.239 msec</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Parse(string output)
    {
        var results = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in output.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var marker = line.IndexOf(" requests per second", StringComparison.Ordinal);
            if (colon > 0 && marker > colon
                && double.TryParse(line.AsSpan(colon + 1, marker - colon - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                results[line[..colon]] = rate;
            }
        }

        return results;
    }
}
