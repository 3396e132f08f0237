using System.Diagnostics;
using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Processes;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.Hosting.Orchestration;

/// <summary>
/// Runs one resource's process: start (and wait for healthy), stop (SIGTERM, then SIGKILL), kill (SIGKILL, a
/// simulated crash), restart; captures its console into the resource's log buffer and keeps probing its health.
/// One operation at a time per resource.
/// </summary>
public sealed partial class ResourceSupervisor : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartProbeInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan HealthProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _startTimeout;
    private readonly ILogger _logger;
    private Process? _process;
    private Task _exited = Task.CompletedTask;
    private CancellationTokenSource? _healthLoop;
    private bool _stopRequested;

    public ResourceSupervisor(Resource resource, TimeProvider timeProvider, TimeSpan startTimeout, ILogger logger)
    {
        Resource = resource;
        _timeProvider = timeProvider;
        _startTimeout = startTimeout;
        _logger = logger;
    }

    public Resource Resource { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        if (Resource.AfterStart is { } afterStart)
        {
            await afterStart(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>SIGKILL, no goodbye: what a crash or an OOM kill looks like to the rest of the cluster.</summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_process is { } process && !HasExited(process))
            {
                _stopRequested = true;
                Killing(_logger, Resource.Name, process.Id);
                process.Kill(entireProcessTree: true);
                await _exited.ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
        // A probe may hold a connection of its own (Redis' multiplexer keeps reconnecting until disposed).
        if (Resource.HealthProbe is IAsyncDisposable probe)
        {
            await probe.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (Resource.State is ResourceState.Starting or ResourceState.Running)
        {
            return;
        }

        if (Resource.StartedAt is not null)
        {
            Resource.RestartCount++;
        }

        Resource.StartedAt = _timeProvider.GetUtcNow();
        Resource.ExitCode = null;
        Resource.Health = HealthStatus.Unknown;
        Resource.HealthDescription = null;
        Resource.State = ResourceState.Starting;
        _stopRequested = false;

        if (Resource.Process is { } spec)
        {
            try
            {
                Launch(spec);
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                Resource.State = ResourceState.Failed;
                Resource.Logs.Add($"[apphost] could not start {spec.FileName}: {exception.Message}", isError: true);
                throw new ResourceStartException(Resource.Name, $"could not start {spec.FileName}: {exception.Message}", exception);
            }
        }

        await WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
        Resource.State = ResourceState.Running;
        StartHealthLoop();
        Started(_logger, Resource.Name, Resource.ProcessId ?? 0, Resource.Url);
    }

    private void Launch(ProcessSpec spec)
    {
        var (fileName, arguments) = spec.NeedsParentWatchdog
            ? ParentWatchdogScript.Wrap(spec.FileName, spec.Arguments)
            : (spec.FileName, spec.Arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Resource.Environment)
        {
            startInfo.Environment[name] = value();
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AddLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => AddLine(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Resource.ProcessId = process.Id;
        _exited = WatchExitAsync(process);
    }

    private void AddLine(string? line, bool isError)
    {
        if (line is not null)
        {
            Resource.Logs.Add(line, isError);
        }
    }

    private async Task WatchExitAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        _healthLoop?.Cancel();
        Resource.ExitCode = process.ExitCode;
        Resource.Health = HealthStatus.Unknown;
        Resource.HealthDescription = null;
        Resource.State = _stopRequested ? ResourceState.Stopped : ResourceState.Exited;
        Resource.Logs.Add($"[apphost] process {process.Id} exited with code {process.ExitCode}", isError: !_stopRequested);
        if (!_stopRequested)
        {
            ExitedUnexpectedly(_logger, Resource.Name, process.ExitCode);
        }

        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow() + _startTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is { } process && _exited.IsCompleted)
            {
                Resource.State = ResourceState.Failed;
                throw new ResourceStartException(Resource.Name, $"exited during start with code {Resource.ExitCode}: {LastError()}");
            }

            var (status, description) = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            Resource.Health = status;
            Resource.HealthDescription = description;
            if (status == HealthStatus.Healthy)
            {
                return;
            }

            if (_timeProvider.GetUtcNow() > deadline)
            {
                await StopCoreAsync().ConfigureAwait(false);
                Resource.State = ResourceState.Failed;
                throw new ResourceStartException(Resource.Name, $"not healthy after {_startTimeout.TotalSeconds:0} s: {description}");
            }

            await Task.Delay(StartProbeInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One probe with its own timeout: a slow answer is "unhealthy", never an exception that ends monitoring.</summary>
    private async Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken)
    {
        using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probeTimeout.CancelAfter(ProbeTimeout);
        try
        {
            return await Resource.HealthProbe.ProbeAsync(probeTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (HealthStatus.Unhealthy, $"health check timed out after {ProbeTimeout.TotalSeconds:0} s");
        }
    }

    private string LastError() =>
        Resource.Logs.Snapshot().LastOrDefault(l => l.IsError && !l.Text.StartsWith("[apphost]", StringComparison.Ordinal))?.Text
        ?? Resource.Logs.Snapshot().LastOrDefault()?.Text
        ?? "no output";

    private void StartHealthLoop()
    {
        _healthLoop?.Cancel();
        _healthLoop?.Dispose();
        var loop = new CancellationTokenSource();
        _healthLoop = loop;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(HealthProbeInterval, _timeProvider);
            try
            {
                while (await timer.WaitForNextTickAsync(loop.Token).ConfigureAwait(false))
                {
                    var (status, description) = await ProbeAsync(loop.Token).ConfigureAwait(false);
                    if (!loop.IsCancellationRequested)
                    {
                        Resource.Health = status;
                        Resource.HealthDescription = description;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped or exited.
            }
        });
    }

    private async Task StopCoreAsync()
    {
        _healthLoop?.Cancel();
        if (_process is not { } process || HasExited(process))
        {
            if (Resource.Process is null && Resource.State == ResourceState.Running)
            {
                Resource.State = ResourceState.Stopped;
            }

            return;
        }

        _stopRequested = true;
        Resource.State = ResourceState.Stopping;
        if (Resource.BeforeStop is { } beforeStop)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await beforeStop(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Resource.Logs.Add($"[apphost] before stop: {exception.Message}", isError: true);
            }
        }

        PosixSignals.Terminate(process.Id);
        var exited = await Task.WhenAny(_exited, Task.Delay(GracefulStopTimeout, _timeProvider)).ConfigureAwait(false);
        if (exited != _exited && !HasExited(process))
        {
            process.Kill(entireProcessTree: true);
        }

        await _exited.ConfigureAwait(false);
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "{Resource} is running (pid {ProcessId}) at {Url}")]
    private static partial void Started(ILogger logger, string resource, int processId, string url);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "{Resource} exited unexpectedly with code {ExitCode}")]
    private static partial void ExitedUnexpectedly(ILogger logger, string resource, int exitCode);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Killing {Resource} (pid {ProcessId}) with SIGKILL")]
    private static partial void Killing(ILogger logger, string resource, int processId);
}
