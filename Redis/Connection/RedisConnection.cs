using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Redis.Protocol;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.Redis.Connection;

/// <summary>
/// One TCP connection carrying many concurrent commands. Commands are queued in a FIFO of pending replies
/// and appended to an outgoing buffer under one lock, so queue order is wire order and the n-th reply
/// always belongs to the n-th queued command. One flush runs at a time and sends whatever accumulated
/// (natural pipelining); a single reader loop parses replies and completes the queue head.
/// Any fault (I/O error, invalid reply, timeout) closes the connection for good; the client opens a new one.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private const int InitialBufferSize = 4096;

    // A one-off large value should not pin its buffer for the life of the connection.
    private const int MaxRetainedBufferSize = 1024 * 1024;

    private static readonly RedisCommand Multi = new("MULTI");
    private static readonly RedisCommand Exec = new("EXEC");
    private static long _nextId;

    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly RespLimits _limits;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _commandTimeout;
    private readonly long _commandTimeoutTicks;
    private readonly Lock _lock = new();
    private readonly Queue<PendingReply> _pending = new();
    private readonly ITimer _timeoutTimer;
    private ArrayBufferWriter<byte> _outgoing = new(InitialBufferSize);
    private ArrayBufferWriter<byte> _sending = new(InitialBufferSize);
    private bool _flushing;
    private Exception? _failure;
    private Action<RedisConnection, Exception>? _closedHandler;

    private RedisConnection(Socket socket, RedisConnectionOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Id = Interlocked.Increment(ref _nextId);
        EndPoint = options.EndPoint;
        _socket = socket;
        _input = PipeReader.Create(new NetworkStream(socket, ownsSocket: false), new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        _limits = options.CreateLimits();
        _timeProvider = timeProvider;
        _logger = logger;
        _commandTimeout = options.CommandTimeout;
        _commandTimeoutTicks = (long)(options.CommandTimeout.TotalSeconds * timeProvider.TimestampFrequency);

        // A per-connection sweep instead of a timer per command: only the oldest command can be the first to
        // time out, so checking the queue head a few times per timeout period is enough.
        var period = TimeSpan.FromTicks(Math.Clamp(options.CommandTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 5, TimeSpan.TicksPerMillisecond * 100));

        // The reader loop and the timer outlive the request that opened the connection; they must not carry its context.
        using (ExecutionContext.SuppressFlow())
        {
            _timeoutTimer = timeProvider.CreateTimer(static state => ((RedisConnection)state!).CheckTimeout(), this, period, period);
            _ = Task.Run(ReadLoopAsync);
        }
    }

    public long Id { get; }

    public string EndPoint { get; }

    public bool IsOpen => Volatile.Read(ref _failure) is null;

    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Connects, authenticates, selects the database and checks the server answers, all within the connect timeout.</summary>
    public static async Task<RedisConnection> OpenAsync(RedisConnectionOptions options, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        // Dual mode reaches both IPv4 and IPv6 addresses of a host name, where the OS supports IPv6 at all.
        var socket = Socket.OSSupportsIPv6
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        RedisConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, linked.Token).ConfigureAwait(false);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            connection = new RedisConnection(socket, options, timeProvider, logger);
            await connection.HandshakeAsync(options).WaitAsync(linked.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex)
        {
            var error = ex switch
            {
                OperationCanceledException when timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested =>
                    new RedisConnectionException($"Timed out after {(long)options.ConnectTimeout.TotalMilliseconds} ms connecting to Redis at {options.EndPoint}."),
                RedisServerException server =>
                    new RedisConnectionException($"Redis at {options.EndPoint} rejected the connection handshake: {server.Message}", server),
                RedisConnectionException => ex,
                SocketException or IOException or RedisException =>
                    new RedisConnectionException($"Could not connect to Redis at {options.EndPoint}: {ex.Message}", ex),
                _ => null,
            };
            if (connection is not null)
            {
                connection.Abort(error ?? new RedisConnectionException("The connection attempt was cancelled."));
            }
            else
            {
                socket.Dispose();
            }

            if (error is null)
            {
                throw;
            }

            throw error;
        }
    }

    public Task<RedisValue> SendAsync(RedisCommand command, CancellationToken cancellationToken) =>
        Enqueue(command.Name, 1, command, null, cancellationToken);

    /// <summary>
    /// A handshake command has no deadline of its own: the whole handshake runs within the connect timeout, and a
    /// command timer firing first (timers run late on a busy machine) would report the wrong limit.
    /// </summary>
    private Task<RedisValue> SendHandshakeAsync(RedisCommand command) =>
        Enqueue(command.Name, 1, command, null, CancellationToken.None, deadline: long.MaxValue);

    /// <summary>MULTI, the commands and EXEC go out back to back under one lock; the reply is EXEC's.</summary>
    public Task<RedisValue> SendTransactionAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken) =>
        Enqueue("EXEC", commands.Count + 2, null, commands, cancellationToken);

    /// <summary>Runs <paramref name="handler"/> once when the connection closes (at once if it already has).</summary>
    public void OnClosed(Action<RedisConnection, Exception> handler)
    {
        Exception? failure;
        lock (_lock)
        {
            failure = _failure;
            if (failure is null)
            {
                _closedHandler = handler;
            }
        }

        if (failure is not null)
        {
            handler(this, failure);
        }
    }

    /// <summary>Closes the connection and fails every pending command; the first caller's reason wins.</summary>
    public void Abort(Exception reason)
    {
        PendingReply[] victims;
        Action<RedisConnection, Exception>? handler;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = reason;
            victims = [.. _pending];
            _pending.Clear();
            handler = _closedHandler;
        }

        _timeoutTimer.Dispose();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to shut down.
        }

        _socket.Dispose();
        RedisConnectionLog.Closed(_logger, Id, EndPoint, reason.Message);
        for (var i = 0; i < victims.Length; i++)
        {
            victims[i].Fail(ErrorFor(reason, isOldest: i == 0));
        }

        handler?.Invoke(this, reason);
    }

    public void Dispose() => Abort(new RedisConnectionException($"The connection to Redis at {EndPoint} was closed by the client."));

    private Task<RedisValue> Enqueue(
        string name, int expectedReplies, RedisCommand? single, IReadOnlyList<RedisCommand>? batch, CancellationToken cancellationToken, long? deadline = null)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<RedisValue>(cancellationToken);
        }

        var pending = new PendingReply(name, expectedReplies, deadline ?? _timeProvider.GetTimestamp() + _commandTimeoutTicks);
        bool startFlush;
        lock (_lock)
        {
            if (_failure is { } failure)
            {
                return Task.FromException<RedisValue>(new RedisConnectionException(
                    $"The connection to Redis at {EndPoint} is closed: {failure.Message}", failure));
            }

            _pending.Enqueue(pending);
            if (single is not null)
            {
                _outgoing.Write(single.Payload.Span);
            }
            else
            {
                _outgoing.Write(Multi.Payload.Span);
                foreach (var command in batch!)
                {
                    _outgoing.Write(command.Payload.Span);
                }

                _outgoing.Write(Exec.Payload.Span);
            }

            startFlush = !_flushing;
            _flushing = true;
        }

        if (startFlush)
        {
            // The caller sends its own command (no thread hop when the connection is idle: the common case at
            // low concurrency). The request's context stays out of a flush that may go on for other callers.
            using (ExecutionContext.SuppressFlow())
            {
                _ = FlushAsync(onCaller: true);
            }
        }

        return cancellationToken.CanBeCanceled ? pending.Task.WaitAsync(cancellationToken) : pending.Task;
    }

    private async Task HandshakeAsync(RedisConnectionOptions options)
    {
        // Pipelined: one round trip. WhenAll reports the first failure in order, so a wrong password shows
        // as WRONGPASS rather than as the NOAUTH that SELECT and PING then get.
        var replies = new List<Task<RedisValue>>(3);
        if (options.Password is not null)
        {
            replies.Add(SendHandshakeAsync(RedisCommands.Auth(options.User, options.Password)));
        }

        if (options.Database != 0)
        {
            replies.Add(SendHandshakeAsync(RedisCommands.Select(options.Database)));
        }

        // PING proves the server is serving (a restarting Redis answers -LOADING until its AOF is replayed).
        replies.Add(SendHandshakeAsync(RedisCommands.Ping()));
        await Task.WhenAll(replies).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends everything queued, batch by batch, until the buffer is empty. The first batch goes out on the
    /// enqueuing caller's thread; if more arrived meanwhile, the rest is handed to the thread pool so that the
    /// caller is not kept busy sending for others.
    /// </summary>
    private async Task FlushAsync(bool onCaller)
    {
        try
        {
            var sentBatch = false;
            while (true)
            {
                ArrayBufferWriter<byte> batch;
                lock (_lock)
                {
                    if (_failure is not null || _outgoing.WrittenCount == 0)
                    {
                        _flushing = false;
                        return;
                    }

                    if (onCaller && sentBatch)
                    {
                        // _flushing stays set: the pool item carries on with this flush.
                        ThreadPool.UnsafeQueueUserWorkItem(static connection => _ = connection.FlushAsync(onCaller: false), this, preferLocal: false);
                        return;
                    }

                    batch = _outgoing;
                    _outgoing = _sending;
                    _sending = batch;
                }

                var remaining = batch.WrittenMemory;
                while (!remaining.IsEmpty)
                {
                    var send = _socket.SendAsync(remaining, SocketFlags.None);
                    onCaller &= send.IsCompleted;
                    var sent = await send.ConfigureAwait(false);
                    remaining = remaining[sent..];
                }

                sentBatch = true;
                if (batch.Capacity > MaxRetainedBufferSize)
                {
                    // Only the running flush swaps buffers, and it is the only one holding this one now.
                    _sending = new ArrayBufferWriter<byte>(InitialBufferSize);
                }
                else
                {
                    batch.ResetWrittenCount();
                }
            }
        }
        catch (Exception ex)
        {
            Abort(new RedisConnectionException($"Sending to Redis at {EndPoint} failed: {ex.Message}", ex));
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? failure = null;
        try
        {
            var open = true;
            while (open)
            {
                var result = await _input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (open && RespReader.TryRead(ref buffer, _limits, out var reply))
                    {
                        open = Dispatch(reply);
                    }
                }
                finally
                {
                    _input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (open && result.IsCompleted)
                {
                    failure = buffer.IsEmpty
                        ? new RedisConnectionException($"Redis at {EndPoint} closed the connection.")
                        : RespReader.Truncated(buffer.Length);
                    open = false;
                }
            }
        }
        catch (RedisProtocolException ex)
        {
            RedisConnectionLog.ProtocolError(_logger, Id, EndPoint, ex);
            failure = ex;
        }
        catch (Exception ex)
        {
            failure = new RedisConnectionException($"The connection to Redis at {EndPoint} was lost: {ex.Message}", ex);
        }

        if (failure is not null)
        {
            Abort(failure);
        }

        await _input.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Hands a reply to the oldest pending command. Returns false once the connection is closed.</summary>
    private bool Dispatch(RedisValue reply)
    {
        PendingReply? completed = null;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return false;
            }

            if (!_pending.TryPeek(out var oldest))
            {
                throw new RedisProtocolException($"Redis at {EndPoint} sent a reply while no command was waiting for one.");
            }

            if (oldest.Accept(reply))
            {
                completed = _pending.Dequeue();
            }
        }

        completed?.Complete();
        return true;
    }

    private void CheckTimeout()
    {
        string command;
        lock (_lock)
        {
            if (_failure is not null || !_pending.TryPeek(out var oldest) || _timeProvider.GetTimestamp() < oldest.Deadline)
            {
                return;
            }

            command = oldest.CommandName;
        }

        var timeoutMs = (long)_commandTimeout.TotalMilliseconds;
        RedisConnectionLog.CommandTimedOut(_logger, command, EndPoint, timeoutMs, Id);
        Abort(new RedisTimeoutException(
            $"Redis at {EndPoint} did not answer {command} within {timeoutMs} ms; the connection was reset so that no late reply is matched to another command."));
    }

    private Exception ErrorFor(Exception reason, bool isOldest) => reason switch
    {
        // An invalid or missing reply belongs to the oldest command; the others only lost their connection.
        RedisProtocolException or RedisTimeoutException when isOldest => reason,
        RedisConnectionException => new RedisConnectionException(reason.Message, reason),
        _ => new RedisConnectionException($"The connection to Redis at {EndPoint} was dropped before the reply arrived: {reason.Message}", reason),
    };
}
