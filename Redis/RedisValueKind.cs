namespace ClusterSessions.Redis;

/// <summary>The RESP2 reply types. Null bulk strings and null arrays both map to <see cref="Null"/>.</summary>
public enum RedisValueKind
{
    Null,
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}
