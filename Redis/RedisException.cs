namespace ClusterSessions.Redis;

/// <summary>Base type of every error the Redis client raises, so callers can map "the store failed" in one catch.</summary>
public class RedisException : Exception
{
    public RedisException()
    {
    }

    public RedisException(string message)
        : base(message)
    {
    }

    public RedisException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
