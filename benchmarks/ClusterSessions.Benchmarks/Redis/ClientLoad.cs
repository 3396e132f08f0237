using System.Diagnostics;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;

namespace ClusterSessions.Benchmarks.Redis;

/// <summary>Our client under the same load shape as redis-benchmark: C callers, one command in flight each.</summary>
internal static class ClientLoad
{
    // redis-benchmark's defaults without -r and -d: one fixed key and a 3-byte value.
    private const string Key = "key:__rand_int__";
    private static readonly byte[] Value = "xxx"u8.ToArray();

    public static Task<double> SetAsync(IRedisClient client, int concurrency, int requests) =>
        RunAsync(concurrency, requests, async () => await client.SetAsync(Key, Value).ConfigureAwait(false));

    public static Task<double> GetAsync(IRedisClient client, int concurrency, int requests) =>
        RunAsync(concurrency, requests, async () => await client.GetAsync(Key).ConfigureAwait(false));

    /// <summary>Runs <paramref name="requests"/> operations shared by <paramref name="concurrency"/> callers; returns operations per second.</summary>
    private static async Task<double> RunAsync(int concurrency, int requests, Func<Task> operation)
    {
        var remaining = requests;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await operation().ConfigureAwait(false);
            }
        }));
        await Task.WhenAll(callers).ConfigureAwait(false);
        return requests / clock.Elapsed.TotalSeconds;
    }
}
