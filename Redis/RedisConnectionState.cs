namespace ClusterSessions.Redis;

public enum RedisConnectionState
{
    /// <summary>No connection; commands fail fast while a reconnect runs in the background.</summary>
    Disconnected,

    Connecting,

    Connected,

    Disposed,
}
