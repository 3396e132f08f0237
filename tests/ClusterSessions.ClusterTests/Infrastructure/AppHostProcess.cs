using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterSessions.AppHost.Cluster;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// The built AppHost run as a user runs it (<c>dotnet ClusterSessions.AppHost.dll …</c>), a process of its own, so a
/// test can signal or kill it without touching the test runner.
/// </summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _console;

    private AppHostProcess(Process process, ConcurrentQueue<string> console, string runDirectory, string readyLine)
    {
        _process = process;
        _console = console;
        RunDirectory = runDirectory;
        var urls = readyLine.Split(' ').Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Gateway = new Uri(urls["gateway"]);
        Dashboard = new Uri(urls["dashboard"]);
        Lab = new Uri(urls["lab"]);
    }

    /// <summary>The AppHost's own build output (never the copy in this test's bin folder).</summary>
    public static string Assembly { get; } = Path.Combine(
        ProjectOutputs.RepositoryRoot, "AppHost", "bin", BuildConfiguration, "net10.0", "ClusterSessions.AppHost.dll");

    public int Id => _process.Id;

    public string RunDirectory { get; }

    public Uri Gateway { get; }

    public Uri Dashboard { get; }

    public Uri Lab { get; }

    public int ExitCode => _process.ExitCode;

    public string Console => string.Join('\n', _console);

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    /// <summary>
    /// Starts the AppHost on free ports in a fresh run folder and waits for its READY line. With
    /// <paramref name="ownProcessGroup"/> it runs under <c>setsid</c>: a process group of its own, which a Ctrl+C
    /// (SIGINT to the group) can reach without reaching the test runner.
    /// </summary>
    public static async Task<AppHostProcess> StartAsync(ITestOutputHelper output, bool ownProcessGroup, params string[] arguments)
    {
        var runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-apphost-").FullName;
        var process = Start(
            [.. arguments, "--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", "--Cluster:LabPort=0", $"--Cluster:RunDirectory={runDirectory}"],
            ownProcessGroup);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var console = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                console.Enqueue(line);
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    ready.TrySetResult(line);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => console.Enqueue(e.Data ?? "");
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the AppHost exited before READY:\n" + string.Join('\n', console)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string line;
        try
        {
            line = await ready.Task.WaitAsync(ReadyTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(runDirectory, recursive: true);
            throw new InvalidOperationException($"no READY line within {ReadyTimeout.TotalSeconds:0} s; the AppHost printed:\n{string.Join('\n', console)}", exception);
        }

        output.WriteLine(line);
        return new AppHostProcess(process, console, runDirectory, line);
    }

    /// <summary>Runs the AppHost to its end (a bad configuration, compare) and returns what it printed.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToEndAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(arguments, ownProcessGroup: false);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the AppHost did not finish within {timeout.TotalSeconds:0} s:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the AppHost without waiting for anything; the caller reads its output and waits for its exit.</summary>
    public static Process Start(IEnumerable<string> arguments, bool ownProcessGroup)
    {
        var startInfo = new ProcessStartInfo(ownProcessGroup ? "setsid" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ownProcessGroup)
        {
            // Not a group leader, so setsid(1) execs in place: the pid stays the AppHost's.
            startInfo.ArgumentList.Add("dotnet");
        }

        startInfo.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The Aspire dashboard over plain http (the AppHost has no https launch profile here).
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        // Keep Spectre.Console's output plain.
        startInfo.Environment["NO_COLOR"] = "1";
        return Process.Start(startInfo)!;
    }

    /// <summary>The process ids of the resources, as the lab reports them (<c>GET /api/resources</c>, field <c>pid</c>).</summary>
    public async Task<Dictionary<string, int>> ResourcePidsAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Lab.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(30) };
        // The READY line's lab link carries the control token as ?t=; scripts send it as a header.
        client.DefaultRequestHeaders.Add("X-Control-Token", Uri.UnescapeDataString(Lab.Query["?t=".Length..]));
        var resources = await client.GetFromJsonAsync<JsonElement>("api/resources");
        return resources.EnumerateArray()
            .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("pid").GetInt32());
    }

    /// <summary>kill(2) of the AppHost, or of its whole process group (what a terminal's Ctrl+C does).</summary>
    public void Signal(int signal, bool processGroup = false)
    {
        if (NativeMethods.Kill(processGroup ? -_process.Id : _process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({(processGroup ? -_process.Id : _process.Id)}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var id = _process.Id;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();

        // A test that failed half-way may have left DCP and its resources behind: they are this run's, end them.
        foreach (var leftover in RunProcesses.Find(id, RunDirectory, []).Where(p => p.IsAlive))
        {
            _ = NativeMethods.Kill(leftover.Pid, NativeMethods.SigKill);
        }

        try
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server of a failed test still closing its AOF: the folder is in the temp directory.
        }
    }
}
