using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.AppHost;

/// <summary>The AppHost as a user runs it: its own process, signals from outside, no child left behind.</summary>
public sealed class AppHostProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_RunningCluster_StopsEveryChildAndExitsZero()
    {
        await using var appHost = await AppHostProcess.StartAsync(output, "--Cluster:Strategies=local", "--Cluster:NodesPerStrategy=2");
        var children = await appHost.ChildProcessIdsAsync();
        Assert.Equal(3, children.Count);

        appHost.Signal("TERM");
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the AppHost did not exit after SIGTERM");
        Assert.Equal(0, appHost.ExitCode);
        Assert.DoesNotContain(children, IsAlive);
    }

    [Fact]
    public async Task Sigkill_RunningCluster_ChildrenNoticeAndExitWithinTenSeconds()
    {
        await using var appHost = await AppHostProcess.StartAsync(output, "--Cluster:Strategies=sticky", "--Cluster:NodesPerStrategy=2");
        var children = await appHost.ChildProcessIdsAsync();
        Assert.Equal(3, children.Count);

        appHost.Signal("KILL");
        var clock = Stopwatch.StartNew();
        while (children.Any(IsAlive) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        output.WriteLine($"children gone {clock.Elapsed.TotalSeconds:0.0} s after SIGKILL to the AppHost");
        Assert.DoesNotContain(children, IsAlive);
    }

    [Theory]
    [InlineData("--Cluster:Strategies=local,bogus", "Cluster:Strategies")]
    [InlineData("--Cluster:LoadBalancing=Fastest", "Cluster:LoadBalancing")]
    [InlineData("--Cluster:NodesPerStrategy=zero", "Cluster:NodesPerStrategy")]
    [InlineData("--Cluster:Redis:Mode=Docker", "Cluster:Redis:Mode")]
    public async Task BadConfigValue_Start_PrintsOneLineNamingTheKeyAndExitsOne(string argument, string key)
    {
        var (exitCode, stdout, stderr) = await AppHostProcess.RunToEndAsync(argument);
        output.WriteLine(stderr);
        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("READY", stdout, StringComparison.Ordinal);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class AppHostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _runDirectory;

        private AppHostProcess(Process process, string runDirectory, Uri dashboard)
        {
            _process = process;
            _runDirectory = runDirectory;
            Dashboard = dashboard;
        }

        public Uri Dashboard { get; }

        public int ExitCode => _process.ExitCode;

        public static async Task<AppHostProcess> StartAsync(ITestOutputHelper output, params string[] arguments)
        {
            var runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-apphost-").FullName;
            var process = Start([.. arguments, "--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", $"--Cluster:RunDirectory={runDirectory}"]);
            var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
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
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            string line;
            try
            {
                line = await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("no READY line within 90 s; the AppHost printed:\n" + string.Join("\n", console));
            }

            output.WriteLine(line);
            var dashboard = line.Split(' ').Single(p => p.StartsWith("dashboard=", StringComparison.Ordinal))["dashboard=".Length..];
            return new AppHostProcess(process, runDirectory, new Uri(dashboard));
        }

        public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToEndAsync(params string[] arguments)
        {
            using var process = Start([.. arguments, "--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0"]);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (process.ExitCode, await stdout, await stderr);
        }

        public async Task<List<int>> ChildProcessIdsAsync()
        {
            using var client = new HttpClient { BaseAddress = Dashboard };
            var resources = await client.GetFromJsonAsync<JsonElement>("api/resources");
            return resources.EnumerateArray().Select(r => r.GetProperty("pid").GetInt32()).ToList();
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
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
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Directory.Delete(_runDirectory, recursive: true);
        }

        private static Process Start(string[] arguments)
        {
            var startInfo = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            startInfo.ArgumentList.Add(AppHostAssembly);
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            return Process.Start(startInfo)!;
        }

        /// <summary>The AppHost built next to this test (the project references it).</summary>
        private static string AppHostAssembly => Path.Combine(AppContext.BaseDirectory, "ClusterSessions.AppHost.dll");
    }
}
