using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.Benchmarks.Redis;

/// <summary>
/// Our client's GET and SET operations per second at 1, 16 and 64 concurrent callers, beside Redis' own
/// <c>redis-benchmark</c> at the same concurrency against the same server. A printed measurement, not a timed test:
/// <code>
/// dotnet run -c Release --project benchmarks/ClusterSessions.Benchmarks -- redis [--server redis-server|garnet] [--connection host:port[,password=..]] [--requests 50000] [--concurrency 1,16,64]
/// </code>
/// Without <c>--connection</c> it starts its own server (redis-server by default) on a free port with the project's
/// launch settings (AOF, appendfsync everysec). Our C callers share one multiplexed connection, so their commands
/// are pipelined on it; redis-benchmark opens C connections with one request in flight on each (no -P).
/// </summary>
internal static class RedisBenchmark
{
    private const int WarmUpRequests = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RedisBenchmarkOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(RedisBenchmarkOptions.Usage);
            return 2;
        }

        var redisBenchmark = RedisBenchmarkTool.Find();
        RedisServerProcess? server = null;
        string? dataDirectory = null;
        try
        {
            RedisConnectionOptions connection;
            if (options.Connection is not null)
            {
                connection = RedisConnectionOptions.Parse(options.Connection);
            }
            else
            {
                dataDirectory = Directory.CreateTempSubdirectory("cs-redis-bench-").FullName;
                var launch = RedisServerCommand.Create(new RedisServerSpec { Kind = options.Server, Port = GetFreePort(), DataDirectory = dataDirectory });
                server = await RedisServerProcess.StartAsync(launch);
                await RedisServerWarmUp.RunAsync(launch.ConnectionString);
                connection = RedisConnectionOptions.Parse(launch.ConnectionString);
            }

            // A benchmark saturates a two-core machine; a longer timeout keeps a scheduling hiccup from resetting the connection.
            connection.CommandTimeout = TimeSpan.FromSeconds(10);
            await using var client = new RedisClient(connection);
            await PrintHeaderAsync(client, options, redisBenchmark);

            await ClientLoad.SetAsync(client, 16, WarmUpRequests);
            await ClientLoad.GetAsync(client, 16, WarmUpRequests);
            if (redisBenchmark is not null)
            {
                await RedisBenchmarkTool.RunAsync(redisBenchmark, connection, 16, WarmUpRequests);
            }

            Console.WriteLine("| concurrency | op  | ours ops/s | redis-benchmark ops/s | ratio |");
            Console.WriteLine("|------------:|-----|-----------:|----------------------:|------:|");
            foreach (var concurrency in options.Concurrency)
            {
                var ours = new Dictionary<string, double>
                {
                    ["SET"] = await ClientLoad.SetAsync(client, concurrency, options.Requests),
                    ["GET"] = await ClientLoad.GetAsync(client, concurrency, options.Requests),
                };
                var theirs = redisBenchmark is null
                    ? new Dictionary<string, double>()
                    : await RedisBenchmarkTool.RunAsync(redisBenchmark, connection, concurrency, options.Requests);
                foreach (var op in new[] { "SET", "GET" })
                {
                    var reference = theirs.TryGetValue(op, out var rate) ? rate : (double?)null;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {concurrency,11} | {op} | {ours[op],10:N0} | {(reference is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "n/a"),21} | {(reference is { } d ? (ours[op] / d).ToString("0.00", CultureInfo.InvariantCulture) : "n/a"),5} |"));
                }
            }

            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }

            if (dataDirectory is not null)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task PrintHeaderAsync(RedisClient client, RedisBenchmarkOptions options, string? redisBenchmark)
    {
        var info = await client.InfoAsync("server");
        var version = info.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("redis_version:", StringComparison.Ordinal)) ?? "redis_version:?";
        var garnet = info.Contains("garnet_version", StringComparison.Ordinal) ? " (Garnet)" : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Redis client benchmark: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; server {client.EndPoint} {version}{garnet}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Requests:N0} requests per row, 3-byte value, one key; warm-up {WarmUpRequests:N0} SET + GET first."));
        Console.WriteLine(redisBenchmark is null
            ? "redis-benchmark not found on PATH: its column shows n/a."
            : "ours: C callers on one multiplexed connection; redis-benchmark: C connections, -P 1 (no pipelining).");
        Console.WriteLine();
    }

    private static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
