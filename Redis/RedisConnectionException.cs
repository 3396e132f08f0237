namespace ClusterSessions.Redis;

/// <summary>
/// The server could not be reached, or the connection dropped while the command was in flight.
/// Raised without waiting for the command timeout, so a caller can answer 503 at once.
/// </summary>
public sealed class RedisConnectionException : RedisException
{
    public RedisConnectionException()
    {
    }

    public RedisConnectionException(string message)
        : base(message)
    {
    }

    public RedisConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
