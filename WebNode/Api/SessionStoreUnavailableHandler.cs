using ClusterSessions.Redis;
using ClusterSessions.WebNode.Sessions;
using Microsoft.AspNetCore.Diagnostics;

namespace ClusterSessions.WebNode.Api;

/// <summary>Store down: a 503 the client can act on (JSON reason + <c>Retry-After</c>) and one log line, not a stack trace.</summary>
internal sealed partial class SessionStoreUnavailableHandler(ILogger<SessionStoreUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // A RedisException that escaped a store (e.g. from the Data Protection key ring) means the same thing.
        if (exception is not (SessionStoreUnavailableException or RedisException))
        {
            return false;
        }

        StoreUnavailable(logger, context.Request.Path, exception.Message);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "session store unavailable", exception.Message)
            .ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Session store unavailable for {Path}: {Reason}")]
    private static partial void StoreUnavailable(ILogger logger, PathString path, string reason);
}
