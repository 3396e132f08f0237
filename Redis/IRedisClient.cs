namespace ClusterSessions.Redis;

/// <summary>
/// A thread-safe, multiplexed client for one Redis endpoint. Typed commands are extension methods in
/// <c>ClusterSessions.Redis.Commands</c>; this interface stays small so tests can fake it.
/// </summary>
public interface IRedisClient
{
    /// <summary><c>host:port</c>, for messages.</summary>
    string EndPoint { get; }

    RedisConnectionState State { get; }

    bool IsConnected { get; }

    /// <summary>Raised on every state change (connected, lost, reconnecting…), on a pool thread.</summary>
    event EventHandler<RedisConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>
    /// Connects now instead of on first use. Completes when the current (or next) connect attempt succeeds;
    /// throws <see cref="RedisConnectionException"/> when it fails.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends one command and returns its reply. Error replies throw <see cref="RedisServerException"/>.
    /// Cancelling only stops waiting: a command already sent still runs on the server.
    /// </summary>
    Task<RedisValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the commands atomically in a MULTI/EXEC block and returns one reply per command. A command
    /// that fails at run time yields an <see cref="RedisValueKind.Error"/> element (Redis runs the others);
    /// a command rejected while queuing aborts the whole block with <see cref="RedisServerException"/>.
    /// </summary>
    Task<IReadOnlyList<RedisValue>> ExecuteTransactionAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken = default);
}
