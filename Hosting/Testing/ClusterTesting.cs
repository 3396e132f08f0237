using System.Reflection;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Hosting.Testing;

/// <summary>
/// Starts the real AppHost's topology inside a test (like Aspire's DistributedApplicationTestingBuilder): runs
/// the AppHost entry point with the given arguments and hands back the <see cref="ClusterApplication"/> once
/// it is READY. Dispose it to stop every process.
/// </summary>
public static class ClusterTesting
{
    /// <summary>Set by the test's async flow; <see cref="ClusterApplication.RunAsync"/> reports to it instead of waiting for signals.</summary>
    internal static readonly AsyncLocal<TaskCompletionSource<ClusterApplication>?> Capture = new();

    public static async Task<ClusterApplication> StartAsync(Assembly appHost, string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appHost);
        var entryPoint = appHost.EntryPoint ?? throw new ArgumentException($"{appHost.GetName().Name} has no entry point", nameof(appHost));
        var ready = new TaskCompletionSource<ClusterApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        Capture.Value = ready;
        var run = Task.Run(async () =>
        {
            var result = entryPoint.Invoke(null, [args]);
            var exitCode = result switch
            {
                Task<int> task => await task.ConfigureAwait(false),
                int code => code,
                _ => 0,
            };
            ready.TrySetException(new InvalidOperationException($"the AppHost exited with code {exitCode} before it was ready"));
        }, cancellationToken);
        Capture.Value = null;

        var first = await Task.WhenAny(ready.Task, run).ConfigureAwait(false);
        if (first == run)
        {
            await run.ConfigureAwait(false);
        }

        return await ready.Task.ConfigureAwait(false);
    }
}
