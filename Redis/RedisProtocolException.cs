namespace ClusterSessions.Redis;

/// <summary>
/// The server sent bytes that are not a valid RESP2 reply (malformed, truncated or over a configured limit).
/// The connection that received them is dropped: nothing after a bad reply can be trusted.
/// </summary>
public sealed class RedisProtocolException : RedisException
{
    public RedisProtocolException()
    {
    }

    public RedisProtocolException(string message)
        : base(message)
    {
    }

    public RedisProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
