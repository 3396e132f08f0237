using ClusterSessions.Redis.Connection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterSessions.Redis;

/// <summary>
/// The multiplexed client for one endpoint: one connection shared by all callers, replaced in the background
/// when it drops. Until the first connect attempt has finished, callers wait for it; after that a missing
/// connection means the server is down, so commands fail fast with <see cref="RedisConnectionException"/>
/// (no waiting for a timeout) while a loop reconnects with capped backoff, which a failing command also nudges.
/// </summary>
public sealed class RedisClient : IRedisClient, IAsyncDisposable, IDisposable
{
    private readonly RedisConnectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposeCts = new();
    private RedisConnection? _connection;
    private Task? _connectLoop;
    private TaskCompletionSource<RedisConnection?> _nextAttempt = NewAttempt();
    private TaskCompletionSource? _wake;
    private bool _hasAttempted;
    private bool _isDisposed;
    private RedisConnectionState _state = RedisConnectionState.Disconnected;
    private Exception? _lastFailure;
    private long _disconnectedSince;

    public RedisClient(RedisConnectionOptions options, ILogger<RedisClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        RedisConnectionOptionsValidator.ThrowIfInvalid(options);

        // A private copy: options objects are mutable, and a connection must not change under our feet.
        _options = new RedisConnectionOptions();
        options.CopyTo(_options);
        _logger = logger ?? NullLogger<RedisClient>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public RedisClient(string connectionString, ILogger<RedisClient>? logger = null, TimeProvider? timeProvider = null)
        : this(RedisConnectionOptions.Parse(connectionString), logger, timeProvider)
    {
    }

    public event EventHandler<RedisConnectionStateChangedEventArgs>? StateChanged;

    public string EndPoint => _options.EndPoint;

    public RedisConnectionState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public bool IsConnected => Volatile.Read(ref _connection) is { IsOpen: true };

    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        Task<RedisConnection?> attempt;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            if (_connection is { IsOpen: true })
            {
                return;
            }

            EnsureConnectLoop();
            _wake?.TrySetResult();
            attempt = _nextAttempt.Task;
        }

        _ = await attempt.WaitAsync(cancellationToken).ConfigureAwait(false) ?? throw ConnectFailedError();
    }

    public Task<RedisValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var connection = Volatile.Read(ref _connection);
        return connection is { IsOpen: true }
            ? connection.SendAsync(command, cancellationToken)
            : ExecuteWithoutConnectionAsync(command, null, cancellationToken);
    }

    public async Task<IReadOnlyList<RedisValue>> ExecuteTransactionAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one command.", nameof(commands));
        }

        if (commands.Any(c => c is null))
        {
            throw new ArgumentException("A transaction cannot contain a null command.", nameof(commands));
        }

        var connection = Volatile.Read(ref _connection);
        var reply = connection is { IsOpen: true }
            ? await connection.SendTransactionAsync(commands, cancellationToken).ConfigureAwait(false)
            : await ExecuteWithoutConnectionAsync(null, commands, cancellationToken).ConfigureAwait(false);
        if (reply.IsNull)
        {
            throw new RedisException("The server aborted the transaction (EXEC returned nil).");
        }

        var results = reply.Elements;
        return results.Count == commands.Count
            ? results
            : throw new RedisException($"EXEC returned {results.Count} replies for {commands.Count} commands.");
    }

    public async ValueTask DisposeAsync()
    {
        RedisConnection? connection;
        Task? loop;
        RedisConnectionState previous;
        lock (_lock)
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
            connection = _connection;
            _connection = null;
            loop = _connectLoop;
            previous = _state;
            _state = RedisConnectionState.Disposed;
            _lastFailure = new RedisConnectionException($"The Redis client for {EndPoint} was disposed.");
        }

        await _disposeCts.CancelAsync().ConfigureAwait(false);
        connection?.Abort(new RedisConnectionException($"The Redis client for {EndPoint} was disposed."));
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        _nextAttempt.TrySetResult(null);
        RaiseStateChanged(previous, RedisConnectionState.Disposed, null);
        _disposeCts.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static TaskCompletionSource<RedisConnection?> NewAttempt() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<RedisValue> ExecuteWithoutConnectionAsync(RedisCommand? command, IReadOnlyList<RedisCommand>? batch, CancellationToken cancellationToken)
    {
        Task<RedisConnection?> attempt;
        RedisConnection? connection;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            connection = _connection is { IsOpen: true } open ? open : null;
            if (connection is null)
            {
                EnsureConnectLoop();
                if (_hasAttempted)
                {
                    _wake?.TrySetResult();
                    throw NotConnectedError();
                }
            }

            attempt = _nextAttempt.Task;
        }

        connection ??= await attempt.WaitAsync(cancellationToken).ConfigureAwait(false) ?? throw ConnectFailedError();
        return command is not null
            ? await connection.SendAsync(command, cancellationToken).ConfigureAwait(false)
            : await connection.SendTransactionAsync(batch!, cancellationToken).ConfigureAwait(false);
    }

    // Called under _lock.
    private void EnsureConnectLoop()
    {
        if (_isDisposed || _connectLoop is not null)
        {
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _connectLoop = Task.Run(ConnectLoopAsync);
        }
    }

    private async Task ConnectLoopAsync()
    {
        var token = _disposeCts.Token;
        var delay = _options.ReconnectMinDelay;
        var attempts = 0;
        while (!token.IsCancellationRequested)
        {
            attempts++;
            SetState(RedisConnectionState.Connecting, null);
            Exception failure;
            try
            {
                var connection = await RedisConnection.OpenAsync(_options, _timeProvider, _logger, token).ConfigureAwait(false);
                if (Publish(connection, attempts))
                {
                    return;
                }

                connection.Dispose();
                break;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failure = ex as RedisException ?? new RedisConnectionException($"Could not connect to Redis at {EndPoint}: {ex.Message}", ex);
            }

            RecordFailedAttempt(failure, attempts, delay);
            try
            {
                await BackoffAsync(delay, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }

        lock (_lock)
        {
            _connectLoop = null;
        }
    }

    /// <summary>Waits out the backoff, but lets a caller cut it short once the minimum delay has passed.</summary>
    private async Task BackoffAsync(TimeSpan delay, CancellationToken token)
    {
        await Task.Delay(_options.ReconnectMinDelay, _timeProvider, token).ConfigureAwait(false);
        var rest = delay - _options.ReconnectMinDelay;
        if (rest <= TimeSpan.Zero)
        {
            return;
        }

        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _wake = wake;
        }

        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(token);
        var sleep = Task.Delay(rest, _timeProvider, stopDelay.Token);
        await Task.WhenAny(sleep, wake.Task).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _wake = null;
        }

        token.ThrowIfCancellationRequested();
    }

    private bool Publish(RedisConnection connection, int attempts)
    {
        TaskCompletionSource<RedisConnection?> attempt;
        RedisConnectionState previous;
        long downtimeMs;
        lock (_lock)
        {
            if (_isDisposed)
            {
                return false;
            }

            _connection = connection;
            _connectLoop = null;
            _hasAttempted = true;
            attempt = _nextAttempt;
            _nextAttempt = NewAttempt();
            previous = _state;
            _state = RedisConnectionState.Connected;
            downtimeMs = _disconnectedSince == 0 ? -1 : (long)_timeProvider.GetElapsedTime(_disconnectedSince).TotalMilliseconds;
            _disconnectedSince = 0;
            _lastFailure = null;
        }

        if (downtimeMs < 0)
        {
            RedisClientLog.Connected(_logger, EndPoint, connection.Id);
        }
        else
        {
            RedisClientLog.ConnectionRestored(_logger, EndPoint, downtimeMs, attempts, connection.Id);
        }

        // Registered after publishing, so a drop in between is still reported (OnClosed runs at once then).
        connection.OnClosed(OnConnectionClosed);
        attempt.TrySetResult(connection);
        RaiseStateChanged(previous, RedisConnectionState.Connected, null);
        return true;
    }

    private void RecordFailedAttempt(Exception failure, int attempts, TimeSpan delay)
    {
        TaskCompletionSource<RedisConnection?> attempt;
        RedisConnectionState previous;
        lock (_lock)
        {
            _lastFailure = failure;
            _hasAttempted = true;
            attempt = _nextAttempt;
            _nextAttempt = NewAttempt();
            previous = _state;
            _state = _isDisposed ? RedisConnectionState.Disposed : RedisConnectionState.Disconnected;
            if (_disconnectedSince == 0)
            {
                _disconnectedSince = _timeProvider.GetTimestamp();
            }
        }

        if (attempts == 1)
        {
            RedisClientLog.ConnectFailed(_logger, EndPoint, failure.Message, (long)_options.ReconnectMaxDelay.TotalMilliseconds);
        }
        else
        {
            RedisClientLog.ReconnectAttemptFailed(_logger, attempts, EndPoint, failure.Message, (long)delay.TotalMilliseconds);
        }

        attempt.TrySetResult(null);
        RaiseStateChanged(previous, RedisConnectionState.Disconnected, failure);
    }

    private void OnConnectionClosed(RedisConnection connection, Exception reason)
    {
        RedisConnectionState previous;
        lock (_lock)
        {
            if (!ReferenceEquals(_connection, connection) || _isDisposed)
            {
                return;
            }

            _connection = null;
            _lastFailure = reason;
            _disconnectedSince = _timeProvider.GetTimestamp();
            previous = _state;
            _state = RedisConnectionState.Disconnected;
            EnsureConnectLoop();
        }

        RedisClientLog.ConnectionLost(_logger, EndPoint, reason.Message);
        RaiseStateChanged(previous, RedisConnectionState.Disconnected, reason);
    }

    private void SetState(RedisConnectionState state, Exception? failure)
    {
        RedisConnectionState previous;
        lock (_lock)
        {
            if (_isDisposed || _state == state)
            {
                return;
            }

            previous = _state;
            _state = state;
        }

        RaiseStateChanged(previous, state, failure);
    }

    private void RaiseStateChanged(RedisConnectionState previous, RedisConnectionState state, Exception? failure)
    {
        if (previous == state)
        {
            return;
        }

        try
        {
            StateChanged?.Invoke(this, new RedisConnectionStateChangedEventArgs(previous, state, failure));
        }
        catch (Exception ex)
        {
            RedisClientLog.StateChangedHandlerFailed(_logger, ex);
        }
    }

    private RedisConnectionException NotConnectedError()
    {
        var reason = _lastFailure?.Message ?? "not connected";
        return new RedisConnectionException($"Redis at {EndPoint} is unavailable ({reason}); reconnecting in the background.", _lastFailure);
    }

    private RedisConnectionException ConnectFailedError()
    {
        Exception? failure;
        lock (_lock)
        {
            failure = _lastFailure;
        }

        // A fresh exception per caller (several may wait on one attempt), carrying the attempt's root cause.
        return failure is RedisConnectionException connection
            ? new RedisConnectionException(connection.Message, connection.InnerException ?? connection)
            : new RedisConnectionException(failure?.Message ?? $"Could not connect to Redis at {EndPoint}.", failure);
    }
}
