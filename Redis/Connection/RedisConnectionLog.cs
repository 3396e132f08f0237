using Microsoft.Extensions.Logging;

namespace ClusterSessions.Redis.Connection;

internal static partial class RedisConnectionLog
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Warning,
        Message = "Redis command {Command} to {EndPoint} timed out after {TimeoutMs} ms; resetting connection {ConnectionId} so that no late reply is matched to another command")]
    public static partial void CommandTimedOut(ILogger logger, string command, string endPoint, long timeoutMs, long connectionId);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error,
        Message = "Redis connection {ConnectionId} to {EndPoint} received an invalid reply and was dropped")]
    public static partial void ProtocolError(ILogger logger, long connectionId, string endPoint, Exception exception);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug,
        Message = "Redis connection {ConnectionId} to {EndPoint} closed: {Reason}")]
    public static partial void Closed(ILogger logger, long connectionId, string endPoint, string reason);
}
