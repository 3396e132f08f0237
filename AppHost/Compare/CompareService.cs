using System.Text.Json;
using Microsoft.Extensions.Logging;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Compare;

/// <summary>
/// Runs compare against the running cluster on request (one run at a time) and keeps the last report, also on
/// disk in the run folder, so it survives a page reload and an AppHost restart.
/// </summary>
internal sealed partial class CompareService(ClusterControl cluster, string runDirectory, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly string _reportPath = Path.Combine(runDirectory, "compare", "compare.json");
    private CompareRunState? _state;

    public event Action<CompareRunState>? Changed;

    public CompareRunState State
    {
        get
        {
            lock (_lock)
            {
                return _state ??= LoadLast();
            }
        }
    }

    /// <summary>Starts a run in the background; false when one is already running.</summary>
    public bool TryStart(CompareOptions options, CancellationToken stopping)
    {
        lock (_lock)
        {
            if (_state?.State == "running")
            {
                return false;
            }

            Set(new CompareRunState("running", 0, "starting", State.Report));
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var progress = new SynchronousProgress<CompareProgress>(p =>
                    Set(new CompareRunState("running", Math.Round(p.Fraction, 3), $"{p.Scenario} ({p.ScenarioIndex + 1}/{p.ScenarioCount})", State.Report)));
                var report = await CompareRunner.RunAsync(cluster, options, progress, stopping).ConfigureAwait(false);
                Directory.CreateDirectory(Path.GetDirectoryName(_reportPath)!);
                await File.WriteAllTextAsync(_reportPath, CompareJson.Write(report), stopping).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.ChangeExtension(_reportPath, ".md"), CompareMarkdown.Write(report), stopping).ConfigureAwait(false);
                Set(new CompareRunState("done", 1, $"finished in {report.DurationSeconds:0} s", report));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                RunFailed(logger, exception.Message);
                Set(new CompareRunState("failed", State.Progress, exception.Message, State.Report));
            }
        }, stopping);
        return true;
    }

    private void Set(CompareRunState state)
    {
        lock (_lock)
        {
            _state = state;
        }

        Changed?.Invoke(state);
    }

    private CompareRunState LoadLast()
    {
        try
        {
            if (File.Exists(_reportPath)
                && JsonSerializer.Deserialize<CompareReport>(File.ReadAllText(_reportPath), CompareJson.Options) is { } report)
            {
                return new CompareRunState("done", 1, $"last run {report.StartedAt:yyyy-MM-dd HH:mm} UTC", report);
            }
        }
        catch (JsonException)
        {
            // An unreadable old report is no report.
        }

        return CompareRunState.Idle;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Compare run failed: {Reason}")]
    private static partial void RunFailed(ILogger logger, string reason);
}
