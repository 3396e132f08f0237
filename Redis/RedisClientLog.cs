using Microsoft.Extensions.Logging;

namespace ClusterSessions.Redis;

internal static partial class RedisClientLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Connected to Redis at {EndPoint} (connection {ConnectionId})")]
    public static partial void Connected(ILogger logger, string endPoint, long connectionId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Lost the connection to Redis at {EndPoint}: {Reason}; reconnecting in the background")]
    public static partial void ConnectionLost(ILogger logger, string endPoint, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Could not connect to Redis at {EndPoint}: {Reason}; retrying with backoff up to {MaxDelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string endPoint, string reason, long maxDelayMs);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Connect attempt {Attempt} to Redis at {EndPoint} failed: {Reason}; next attempt in {DelayMs} ms")]
    public static partial void ReconnectAttemptFailed(ILogger logger, int attempt, string endPoint, string reason, long delayMs);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Connection to Redis at {EndPoint} restored after {DowntimeMs} ms and {Attempts} attempt(s) (connection {ConnectionId})")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint, long downtimeMs, int attempts, long connectionId);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "A RedisClient.StateChanged handler threw")]
    public static partial void StateChangedHandlerFailed(ILogger logger, Exception exception);
}
