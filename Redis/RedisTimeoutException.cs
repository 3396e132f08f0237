namespace ClusterSessions.Redis;

/// <summary>
/// No reply arrived within the command timeout. The connection is reset when this happens, because a
/// late reply would otherwise be matched to the next command.
/// </summary>
public sealed class RedisTimeoutException : RedisException
{
    public RedisTimeoutException()
    {
    }

    public RedisTimeoutException(string message)
        : base(message)
    {
    }

    public RedisTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
