using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.AppHost;

/// <summary>
/// The AppHost as a user runs it: its own process, signals from outside, and no process of the run left behind
/// (DCP, the dashboard, Redis, the nodes, the gateway).
/// </summary>
public sealed class AppHostProcessTests(ITestOutputHelper output)
{
    private static readonly string[] SmallCluster = ["--Cluster:Strategies=local,redis", "--Cluster:NodesPerStrategy=1"];

    [Fact]
    public async Task Sigterm_RunningCluster_ExitsZeroAndLeavesNoProcessOfTheRun()
    {
        await using var appHost = await AppHostProcess.StartAsync(output, ownProcessGroup: false, SmallCluster);
        var run = await RunningClusterAsync(appHost);

        appHost.Signal(NativeMethods.SigTerm);
        var clock = Stopwatch.StartNew();
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the AppHost did not exit within 30 s of SIGTERM");
        var left = await RunProcesses.WaitUntilGoneAsync(run, TimeSpan.FromSeconds(15));
        output.WriteLine($"exit code {appHost.ExitCode}; every process gone {clock.Elapsed.TotalSeconds:0.0} s after SIGTERM");

        Assert.Equal(0, appHost.ExitCode);
        Assert.Empty(left);
        Assert.False(await AcceptsConnectionsAsync(appHost.Gateway), "the gateway's port still accepts connections");
    }

    [Fact]
    public async Task Sigkill_RunningCluster_DcpNoticesAndRemovesEveryProcessOfTheRun()
    {
        await using var appHost = await AppHostProcess.StartAsync(output, ownProcessGroup: false, SmallCluster);
        var run = await RunningClusterAsync(appHost);

        // No shutdown code runs in the AppHost: DCP, which monitors it, has to notice and clean up alone.
        appHost.Signal(NativeMethods.SigKill);
        var clock = Stopwatch.StartNew();
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        var left = await RunProcesses.WaitUntilGoneAsync(run, TimeSpan.FromSeconds(30));
        output.WriteLine($"{run.Count - left.Count} of {run.Count} processes gone {clock.Elapsed.TotalSeconds:0.0} s after SIGKILL to the AppHost");

        Assert.True(left.Count == 0, "still running 30 s after SIGKILL of the AppHost:\n" + string.Join('\n', left));
        Assert.False(await AcceptsConnectionsAsync(appHost.Gateway), "the gateway's port still accepts connections");
    }

    [Fact]
    public async Task CtrlC_RunningCluster_ExitsCleanlyAndLeavesNoProcessOfTheRun()
    {
        // A process group of its own with SIGINT at its default disposition, as in a terminal.
        await using var appHost = await AppHostProcess.StartAsync(output, ownProcessGroup: true, SmallCluster);
        Assert.Equal(0UL, SignalsIgnored(appHost.Id) & (1UL << (NativeMethods.SigInt - 1)));
        var run = await RunningClusterAsync(appHost);

        appHost.Signal(NativeMethods.SigInt, processGroup: true);
        var clock = Stopwatch.StartNew();
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the AppHost did not exit within 30 s of Ctrl+C");
        var left = await RunProcesses.WaitUntilGoneAsync(run, TimeSpan.FromSeconds(15));
        output.WriteLine($"exit code {appHost.ExitCode}; every process gone {clock.Elapsed.TotalSeconds:0.0} s after SIGINT");

        Assert.Equal(0, appHost.ExitCode);
        Assert.Empty(left);
        Assert.DoesNotContain("Unhandled exception", appHost.Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Cluster:Strategies=local,bogus", "Cluster:Strategies")]
    [InlineData("--Cluster:LoadBalancing=Fastest", "Cluster:LoadBalancing")]
    [InlineData("--Cluster:NodesPerStrategy=zero", "Cluster:NodesPerStrategy")]
    [InlineData("--Cluster:Redis:Mode=Docker", "Cluster:Redis:Mode")]
    public async Task BadConfigValue_Start_PrintsOneLineNamingTheKeyAndExitsOne(string argument, string key)
    {
        var (exitCode, stdout, stderr) = await AppHostProcess.RunToEndAsync(TimeSpan.FromSeconds(60), argument, "--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", "--Cluster:LabPort=0");
        output.WriteLine(stderr);
        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {key}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("READY", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRedisMode_Start_NamesTheAllowedValues()
    {
        var (exitCode, _, stderr) = await AppHostProcess.RunToEndAsync(TimeSpan.FromSeconds(60), "--Cluster:Redis:Mode=Nope");
        Assert.Equal(1, exitCode);
        Assert.Equal("error: Cluster:Redis:Mode: 'Nope' is not one of Auto, Garnet, RedisServer, Container, External", stderr.Trim());
    }

    /// <summary>
    /// Checks the READY line's URLs answer (the gateway through a node, the dashboard's login link, the lab), then
    /// lists every process of the run.
    /// </summary>
    private async Task<IReadOnlyList<LinuxProcess>> RunningClusterAsync(AppHostProcess appHost)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var node = await client.GetAsync(new Uri(appHost.Gateway, "/local/api/node"));
        Assert.Equal(HttpStatusCode.OK, node.StatusCode);
        Assert.Equal("local-1", node.ServedBy());
        Assert.Equal("/login", appHost.Dashboard.AbsolutePath);
        Assert.StartsWith("?t=", appHost.Dashboard.Query, StringComparison.Ordinal);

        string[] expected = ["gateway", "local-1", "redis", "redis-1"];
        // READY follows the health notifications; the lab's snapshot watcher may trail them by a moment before it
        // has every pid (seen once in CI: redis-1 without one), so the pids are read until all are there or 10 s pass.
        var pids = await appHost.ResourcePidsAsync();
        for (var wait = Stopwatch.StartNew(); !pids.Keys.Order().SequenceEqual(expected) && wait.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(100);
            pids = await appHost.ResourcePidsAsync();
        }

        Assert.Equal(expected, pids.Keys.Order());
        var run = RunProcesses.Find(appHost.Id, appHost.RunDirectory, pids.Values);
        output.WriteLine($"{run.Count} processes in the run:\n{string.Join('\n', run.Select(p => p.ToString()[..Math.Min(160, p.ToString().Length)]))}");
        Assert.Superset(pids.Values.ToHashSet(), run.Select(p => p.Pid).ToHashSet());
        Assert.Contains(run, p => p.CommandLine.Contains("dcp", StringComparison.Ordinal) && p.CommandLine.Contains("start-apiserver", StringComparison.Ordinal));
        return run;
    }

    private static async Task<bool> AcceptsConnectionsAsync(Uri url)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(url.Host, url.Port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The process's ignored signals (SigIgn in /proc/pid/status), bit n-1 for signal n.</summary>
    private static ulong SignalsIgnored(int pid) =>
        Convert.ToUInt64(
            File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim(),
            16);
}
