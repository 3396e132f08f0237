using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Lab;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>
/// Aspire's side of <see cref="ClusterControl"/> in memory: snapshots the test sets, the commands it was asked to run,
/// and waits that complete when a snapshot set later satisfies them. By default a command changes the snapshot the
/// way Aspire would (a start turns the resource running and healthy with a new pid, a stop or kill ends it).
/// </summary>
internal sealed class FakeResourceControl : IResourceControl
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CustomResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly List<(string Name, Func<CustomResourceSnapshot, bool> Predicate, TaskCompletionSource Done)> _waiters = [];
    private readonly List<(string Resource, string Command)> _executed = [];
    private readonly TaskCompletionSource _firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextPid = 5000;

    /// <summary>When false, a command changes nothing: the test moves the resource with <see cref="Set"/>.</summary>
    public bool ApplyCommands { get; set; } = true;

    /// <summary>Every command run, in order, as (resource, command name).</summary>
    public IReadOnlyList<(string Resource, string Command)> Executed
    {
        get
        {
            lock (_lock)
            {
                return [.. _executed];
            }
        }
    }

    /// <summary>Completes once <see cref="ClusterControl"/> waits for a state.</summary>
    public Task Waiting => _firstWait.Task;

    public static CustomResourceSnapshot NotStarted() => Snapshot(KnownResourceStates.NotStarted, pid: null);

    public static CustomResourceSnapshot Running(int pid, HealthStatus health = HealthStatus.Healthy, string? healthDescription = null) =>
        (Snapshot(KnownResourceStates.Running, pid) with { StartTimeStamp = TestClock.Start.UtcDateTime })
            .WithHealthReports([new HealthReportSnapshot("health", health, healthDescription, ExceptionText: null)]);

    public static CustomResourceSnapshot Exited(int exitCode) =>
        Snapshot(KnownResourceStates.Exited, pid: null) with { ExitCode = exitCode };

    public static CustomResourceSnapshot Snapshot(string state, int? pid) => new()
    {
        ResourceType = "Executable",
        Properties = pid is { } id ? [new ResourcePropertySnapshot("executable.pid", id)] : [],
        State = state,
    };

    /// <summary>The next command on <paramref name="name"/> fails with <paramref name="message"/>.</summary>
    public void FailNext(string name, string message)
    {
        lock (_lock)
        {
            _failures[name] = message;
        }
    }

    public void Set(string name, CustomResourceSnapshot snapshot)
    {
        List<TaskCompletionSource> done;
        lock (_lock)
        {
            _snapshots[name] = snapshot;
            var satisfied = _waiters.Where(w => w.Name == name && w.Predicate(snapshot)).ToList();
            _waiters.RemoveAll(satisfied.Contains);
            done = [.. satisfied.Select(w => w.Done)];
        }

        done.ForEach(d => d.TrySetResult());
    }

    public CustomResourceSnapshot? Snapshot(string name)
    {
        lock (_lock)
        {
            return _snapshots.GetValueOrDefault(name);
        }
    }

    public Task<ExecuteCommandResult> ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken)
    {
        int pid;
        lock (_lock)
        {
            _executed.Add((name, command));
            if (_failures.Remove(name, out var message))
            {
                return Task.FromResult(CommandResults.Failure(message));
            }

            pid = ++_nextPid;
        }

        if (ApplyCommands)
        {
            var started = command == KnownResourceCommands.StartCommand || command == KnownResourceCommands.RestartCommand;
            Set(name, started ? Running(pid) : Exited(137));
        }

        return Task.FromResult(CommandResults.Success());
    }

    public Task WaitForAsync(string name, Func<CustomResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        _firstWait.TrySetResult();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_snapshots.TryGetValue(name, out var current) && predicate(current))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((name, predicate, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }
}
