using System.Globalization;
using ClusterSessions.WebNode.Sessions;
using Microsoft.AspNetCore.Diagnostics;

namespace ClusterSessions.WebNode.Api;

/// <summary>Store down: a 503 the client can act on (JSON reason + <c>Retry-After</c>) and one log line, not a stack trace.</summary>
internal sealed partial class SessionStoreUnavailableHandler(ILogger<SessionStoreUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // A Redis error that escaped the stores (e.g. from the Data Protection key ring) means the same thing.
        if (exception is not SessionStoreUnavailableException && !StoreFailures.IsStoreFailure(exception))
        {
            return false;
        }

        var reason = exception is SessionStoreUnavailableException ? exception.Message : StoreFailures.Describe(exception);
        StoreUnavailable(logger, context.Request.Path, reason);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "session store unavailable", reason).ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Session store unavailable for {Path}: {Reason}")]
    private static partial void StoreUnavailable(ILogger logger, PathString path, string reason);
}
