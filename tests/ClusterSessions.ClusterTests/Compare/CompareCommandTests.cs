using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Compare;

/// <summary><c>ClusterSessions.AppHost compare</c> as a command: a cluster of its own, whatever else runs beside it.</summary>
[Collection(RedisCollection.Name)]
public sealed class CompareCommandTests(RedisCluster live, ITestOutputHelper output)
{
    [Fact]
    public async Task Compare_BesideALiveCluster_LeavesTheLiveClustersDataUntouched()
    {
        using var client = live.CreateClient("redis");
        using (var login = await client.LoginAsync("alice"))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using (var add = await client.PostAsJsonAsync("api/cart/items", new { sku = "kettle", quantity = 3 }))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        // Redis writes its append-only file once a second: let the cart reach it before taking the picture.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var liveFiles = FilesOf(live.RunDirectory);
        Assert.Contains(liveFiles.Keys, f => f.StartsWith("redis/", StringComparison.Ordinal));
        Assert.Contains("jwt-keys.json", liveFiles.Keys);
        var liveJwtKey = JsonDocument.Parse(File.ReadAllText(Path.Combine(live.RunDirectory, "jwt-keys.json"))).RootElement[0].GetProperty("key").GetString()!;

        var outputDirectory = Directory.CreateTempSubdirectory("compare-output-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            // One node per pool keeps it light on a small machine: redis (the store that goes down) and jwt (keys of its own).
            using var compare = AppHostProcess.Start(
                ["compare", "--out", outputDirectory, "--scenario", "storeOutage", "--users", "1", "--requests", "20",
                 "--Cluster:Strategies=redis,jwt", "--Cluster:NodesPerStrategy=1"],
                ownProcessGroup: false);
            var stdout = compare.StandardOutput.ReadToEndAsync();
            var stderr = compare.StandardError.ReadToEndAsync();

            // While it runs: every process of the compare's run (its DCP, Redis, nodes, gateway), with what it was given.
            var compareProcesses = new Dictionary<int, (LinuxProcess Process, string Given)>();
            var exited = compare.WaitForExitAsync();
            var deadline = TimeSpan.FromSeconds(120);
            while (!exited.IsCompleted && clock.Elapsed < deadline)
            {
                foreach (var process in RunProcesses.Find(compare.Id, runDirectory: null, []).Where(p => p.Pid != compare.Id && !compareProcesses.ContainsKey(p.Pid)))
                {
                    if (process.Environment() is { } environment)
                    {
                        compareProcesses[process.Pid] = (process, process.CommandLine + "\n" + string.Join('\n', environment));
                    }
                }

                await Task.WhenAny(exited, Task.Delay(250));
            }

            if (!exited.IsCompleted)
            {
                compare.Kill(entireProcessTree: true);
            }

            output.WriteLine(await stdout);
            output.WriteLine(await stderr);
            output.WriteLine($"compare took {clock.Elapsed.TotalSeconds:0} s; its processes:\n{string.Join('\n', compareProcesses.Values.Select(p => p.Process))}");
            Assert.True(exited.IsCompleted, $"compare did not finish within {deadline.TotalSeconds:0} s");
            Assert.Equal(0, compare.ExitCode);
            Assert.True(File.Exists(Path.Combine(outputDirectory, "compare.json")), "compare.json was not written");
            // Its own store and its own keys: a run folder of its own, and nothing of the live one.
            Assert.Contains(compareProcesses.Values, p => p.Given.Contains("Session__Strategy=redis", StringComparison.Ordinal));
            Assert.Contains(compareProcesses.Values, p => p.Given.Contains("Jwt__Keys__0__Key=", StringComparison.Ordinal));
            Assert.DoesNotContain(compareProcesses.Values, p => p.Given.Contains(live.RunDirectory, StringComparison.Ordinal));
            Assert.DoesNotContain(compareProcesses.Values, p => p.Given.Contains(liveJwtKey, StringComparison.Ordinal));
            Assert.Empty(await RunProcesses.WaitUntilGoneAsync(compareProcesses.Values.Select(p => p.Process), TimeSpan.FromSeconds(15)));
        }
        finally
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        Assert.Equal(liveFiles, FilesOf(live.RunDirectory));
        using var cart = await client.GetAsync("api/cart");
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        var item = Assert.Single((await cart.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("kettle", item.GetProperty("sku").GetString());
        Assert.Equal(3, item.GetProperty("quantity").GetInt32());
    }

    /// <summary>Every file under <paramref name="directory"/>: its size and when it was last written.</summary>
    private static Dictionary<string, (long Length, DateTime Written)> FilesOf(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f.FullName), f => (f.Length, f.LastWriteTimeUtc));
}
