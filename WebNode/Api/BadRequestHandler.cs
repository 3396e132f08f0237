using Microsoft.AspNetCore.Diagnostics;

namespace ClusterSessions.WebNode.Api;

/// <summary>Framework-level bad input (a body over Kestrel's limit, a malformed request line) as a problem answer.</summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        await ApiProblems.Problem(badRequest.StatusCode, "bad request", badRequest.Message).ExecuteAsync(context);
        return true;
    }
}
