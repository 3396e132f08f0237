using System.Diagnostics;

namespace ClusterSessions.Benchmarks.Tokens;

/// <summary>Runs an operation on dedicated threads for a fixed time and counts completions.</summary>
internal static class Throughput
{
    public static double OperationsPerSecond(Action operation, int threads, TimeSpan warmUp, TimeSpan duration)
    {
        // Warm-up lets tiered JIT reach its optimized code and fills the key pools before timing starts.
        Run(operation, threads, warmUp);
        var (count, elapsed) = Run(operation, threads, duration);
        return count / elapsed.TotalSeconds;
    }

    private static (long Count, TimeSpan Elapsed) Run(Action operation, int threads, TimeSpan duration)
    {
        long total = 0;
        var stop = 0;
        using var ready = new CountdownEvent(threads);
        using var go = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            ready.Signal();
            go.Wait();
            long count = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                operation();
                count++;
            }

            Interlocked.Add(ref total, count);
        }) { IsBackground = true }).ToList();

        workers.ForEach(w => w.Start());
        ready.Wait();
        var start = Stopwatch.GetTimestamp();
        go.Set();
        Thread.Sleep(duration);
        Volatile.Write(ref stop, 1);
        workers.ForEach(w => w.Join());
        return (Interlocked.Read(ref total), Stopwatch.GetElapsedTime(start));
    }
}
