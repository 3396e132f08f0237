using System.Collections.Concurrent;
using System.Diagnostics;
using ClusterSessions.AppHost.Redis.Provisioning;
using StackExchange.Redis;

namespace ClusterSessions.IntegrationTests.Infrastructure.Processes;

/// <summary>
/// The tests' runner for a <see cref="RedisServerLaunch"/> (the AppHost hands the same launch to Aspire's DCP): starts
/// the process, waits for its ready line, keeps its recent output for error messages, and stops it gracefully
/// (COMMITAOF for Garnet, then SIGTERM, as the lab stops the store) or kills its whole process tree (a simulated crash).
/// </summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 200;
    private static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RedisServerProcess(RedisServerLaunch launch, Process process)
    {
        Launch = launch;
        _process = process;
    }

    public RedisServerLaunch Launch { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote to stdout and stderr.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the server and completes once it printed its ready line; kills it and throws if it does not.</summary>
    public static async Task<RedisServerProcess> StartAsync(RedisServerLaunch launch, TimeSpan? readyTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        Directory.CreateDirectory(launch.WorkingDirectory);
        // The password's config file (owner-only), as the AppHost writes it before the store starts.
        launch.ConfigFile?.Write();
        var process = new Process { StartInfo = launch.ToProcessStartInfo(), EnableRaisingEvents = true };
        var server = new RedisServerProcess(launch, process);
        process.OutputDataReceived += (_, e) => server.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnOutput(e.Data);
        process.Exited += (_, _) => server.OnExited();
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {launch.Kind}: {launch.DisplayCommandLine}: {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server._ready.Task.WaitAsync(readyTimeout ?? DefaultReadyTimeout, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (Exception ex)
        {
            server.Kill();
            await server.DisposeAsync().ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new TimeoutException(
                    $"{launch.Kind} on port {launch.Port} did not print '{launch.ReadyMarker}' within {(readyTimeout ?? DefaultReadyTimeout).TotalSeconds:0} s. Output:{Environment.NewLine}{server.RecentOutput}", ex);
            }

            throw;
        }
    }

    /// <summary>
    /// A graceful stop: SIGTERM, then SIGKILL of the whole tree if it has not exited within <paramref name="gracePeriod"/>.
    /// Garnet gets a COMMITAOF first. It has no SIGTERM handler (it dies with exit code 143), and by default it
    /// acknowledges a write before the AOF commit is flushed: a write answered a millisecond before SIGTERM was
    /// lost in about one restart of six. COMMITAOF made that zero of ten. (<c>--aof-commit-wait</c> would also
    /// close the gap, but it cut SET throughput at 64 clients from ~50k to ~4k per second.) redis-server
    /// needs nothing extra: on SIGTERM it flushes its AOF itself.
    /// </summary>
    public async Task StopAsync(TimeSpan? gracePeriod = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (Launch.Kind == RedisServerKind.Garnet)
        {
            await CommitGarnetAofAsync().ConfigureAwait(false);
        }

        if (OperatingSystem.IsWindows() || NativeMethods.Kill(_process.Id, NativeMethods.SigTerm) != 0)
        {
            Kill();
            return;
        }

        using var grace = new CancellationTokenSource(gracePeriod ?? TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>SIGKILL of the server and any child it started, as in a crash; waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task CommitGarnetAofAsync()
    {
        var options = ConfigurationOptions.Parse(Launch.ConnectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = options.SyncTimeout = options.AsyncTimeout = (int)CommitTimeout.TotalMilliseconds;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            await connection.GetDatabase().ExecuteAsync("COMMITAOF").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // Best effort: a server that cannot answer cannot commit either; stop it anyway.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
        {
        }

        if (line.Contains(Launch.ReadyMarker, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private void OnExited()
    {
        if (_ready.Task.IsCompleted)
        {
            return;
        }

        // Drain the redirected output first, so the error carries the server's last words.
        _process.WaitForExit();
        _ready.TrySetException(new InvalidOperationException(
            $"{Launch.Kind} on port {Launch.Port} exited with code {_process.ExitCode} before it was ready: {Launch.DisplayCommandLine}{Environment.NewLine}{RecentOutput}"));
    }
}
