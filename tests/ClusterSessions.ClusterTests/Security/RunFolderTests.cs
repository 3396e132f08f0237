using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// The run folder after real traffic holds the AOF (sessions, the shared Data Protection key), the store's password
/// and the jwt keys, all owner-only: the AppHost runs with umask 077, and so does every process it starts. A folder
/// with something open to others is refused at start with one line.
/// </summary>
[Collection(RedisCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class RunFolderTests(RedisCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task RunFolder_AfterLoginsAndCartChanges_HoldsTheAofAndNothingOpenToOthers()
    {
        using (var redis = cluster.CreateClient("redis"))
        {
            using var login = await redis.LoginAsync("bob");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            using var add = await redis.PostAsJsonAsync("api/cart/items", new { sku = "lamp", quantity = 1 });
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        using (var jwt = cluster.CreateClient("jwt"))
        {
            using var login = await jwt.LoginAsync("bob");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            using var logout = await jwt.PostAsync("api/logout", null);
        }

        var aof = await WaitForAofAsync(TimeSpan.FromSeconds(15));
        var find = await RunAsync("find", cluster.RunDirectory, "-perm", "/077");
        var listing = await RunAsync("ls", "-laR", cluster.RunDirectory);

        output.WriteLine($"AOF: {string.Join(", ", aof.Select(f => $"{Path.GetRelativePath(cluster.RunDirectory, f.FullName)} ({f.Length} bytes)"))}");
        output.WriteLine($"$ find {cluster.RunDirectory} -perm /077\n{find}");
        output.WriteLine($"$ ls -laR {cluster.RunDirectory}\n{listing}");
        Assert.Equal("", find.Trim());
        Assert.Null(RunDirectory.FindProblem(cluster.RunDirectory));
        Assert.True(File.Exists(Path.Combine(cluster.RunDirectory, "jwt-keys.json")));
        Assert.True(File.Exists(Path.Combine(cluster.RunDirectory, "redis", "password")));
    }

    [Fact]
    public async Task AppHost_RunFolderWithAFileReadableByOthers_ExitsWithOneLineNamingItAndTheFix()
    {
        var runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-loose-").FullName;
        try
        {
            var redis = Directory.CreateDirectory(Path.Combine(runDirectory, "redis")).FullName;
            File.SetUnixFileMode(redis, UnixPermissions.OwnerOnlyDirectory);
            var aof = Path.Combine(redis, "appendonly.aof");
            await File.WriteAllTextAsync(aof, "");
            File.SetUnixFileMode(aof, UnixPermissions.OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            var (exitCode, _, stderr) = await AppHostProcess.RunToEndAsync(
                TimeSpan.FromSeconds(60),
                "--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", "--Cluster:LabPort=0", $"--Cluster:RunDirectory={runDirectory}");

            Assert.Equal(1, exitCode);
            Assert.Equal(
                $"error: Cluster:RunDirectory: {aof} is readable by others (mode 0644); run chmod -R go-rwx {runDirectory} or delete it",
                stderr.Trim());
        }
        finally
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }

    /// <summary>The store's append-only file(s) once something is in them: redis-server's appendonlydir, Garnet's AOF folder.</summary>
    private async Task<IReadOnlyList<FileInfo>> WaitForAofAsync(TimeSpan timeout)
    {
        var store = new DirectoryInfo(Path.Combine(cluster.RunDirectory, "redis"));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var aof = store.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => f.Name.Contains("aof", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (aof.Any(f => f.Length > 0))
            {
                return aof;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no AOF with data under {store.FullName} within {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }

    private static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
