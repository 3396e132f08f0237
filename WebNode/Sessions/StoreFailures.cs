using StackExchange.Redis;

namespace ClusterSessions.WebNode.Sessions;

internal static class StoreFailures
{
    /// <summary>
    /// An exception that means "the store did not answer": StackExchange.Redis's errors (its timeout is a TimeoutException, not a RedisException), and
    /// the session's own I/O timeout. A bug (a null, a bad cast) is not one of them and stays a 500.
    /// </summary>
    public static bool IsStoreFailure(Exception exception) =>
        exception is RedisException or RedisTimeoutException
            || (exception is OperationCanceledException && exception.Message.StartsWith("Timed out", StringComparison.Ordinal));

    /// <summary>A reason for the client and the log: StackExchange.Redis's first line, without its diagnostics dump.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        var end = message.IndexOfAny(['\r', '\n', ';']);
        message = end < 0 ? message : message[..end];
        var dump = message.IndexOf(" - ", StringComparison.Ordinal);
        message = dump < 0 ? message : message[..dump];
        return message.Length > 200 ? message[..200] : message;
    }
}
