namespace ClusterSessions.Redis.Connection;

/// <summary>
/// A command waiting for its reply(ies). It stays in the connection's FIFO queue even when its caller gave up
/// (cancellation), so that its reply is consumed by it and never handed to the next command.
/// </summary>
internal sealed class PendingReply : TaskCompletionSource<RedisValue>
{
    private int _remaining;
    private RedisValue? _firstQueuingError;
    private RedisValue? _result;

    public PendingReply(string commandName, int expectedReplies, long deadline)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        CommandName = commandName;
        _remaining = expectedReplies;
        Deadline = deadline;
    }

    public string CommandName { get; }

    /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value after which the command has timed out.</summary>
    public long Deadline { get; }

    /// <summary>
    /// Takes the next reply (under the connection lock). A transaction expects MULTI's +OK, one +QUEUED per
    /// command and EXEC's reply; it is complete only after the last one.
    /// </summary>
    public bool Accept(RedisValue reply)
    {
        if (--_remaining > 0)
        {
            if (reply.IsError && _firstQueuingError is null)
            {
                _firstQueuingError = reply;
            }

            return false;
        }

        _result = reply;
        return true;
    }

    public void Complete()
    {
        var result = _result!;
        if (!result.IsError)
        {
            TrySetResult(result);
            return;
        }

        var message = result.AsString()!;
        if (_firstQueuingError is not null)
        {
            message += $" (first rejected command: {_firstQueuingError.AsString()})";
        }

        Fail(new RedisServerException(message, CommandName));
    }

    /// <summary>
    /// Fails the command and marks the failure observed: a caller that cancelled no longer awaits this task,
    /// and its failure must not surface later as an unobserved task exception.
    /// </summary>
    public void Fail(Exception error)
    {
        if (TrySetException(error))
        {
            _ = Task.Exception;
        }
    }
}
