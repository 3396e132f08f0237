namespace ClusterSessions.Redis;

public sealed class RedisConnectionStateChangedEventArgs : EventArgs
{
    public RedisConnectionStateChangedEventArgs(RedisConnectionState previousState, RedisConnectionState state, Exception? failure)
    {
        PreviousState = previousState;
        State = state;
        Failure = failure;
    }

    public RedisConnectionState PreviousState { get; }

    public RedisConnectionState State { get; }

    /// <summary>Why the connection was lost or an attempt failed, for <see cref="RedisConnectionState.Disconnected"/>.</summary>
    public Exception? Failure { get; }
}
