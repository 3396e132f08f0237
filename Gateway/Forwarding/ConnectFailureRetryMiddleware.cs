using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ClusterSessions.Gateway.Forwarding;

/// <summary>
/// When a node refuses the connection (killed, not yet marked unhealthy), sends the request to another node of
/// the pool instead of answering 502. Safe for any method: a refused connection means the node never saw the
/// request. Runs outside affinity, load balancing and passive health, so each attempt is balanced and counted.
/// A sticky client keeps its old affinity cookie until health checks mark the dead node down (YARP only
/// re-affinitizes then), so for those seconds its retried requests may land on different nodes.
/// </summary>
internal sealed partial class ConnectFailureRetryMiddleware(RequestDelegate next, ILogger<ConnectFailureRetryMiddleware> logger)
{
    private const int MaxRetries = 2;

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        // API bodies are small; buffering lets a retry send the same bytes again.
        context.Request.EnableBuffering();
        var tried = new List<DestinationState>();

        for (var attempt = 0; ; attempt++)
        {
            await next(context).ConfigureAwait(false);

            if (attempt == MaxRetries || context.Response.HasStarted || !IsConnectFailure(context) || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }

            tried.Add(failed);
            var remaining = candidates.Where(d => !tried.Contains(d)).ToList();
            if (remaining.Count == 0)
            {
                return;
            }

            Retrying(logger, failed.DestinationId, context.Request.Path);
            proxy.AvailableDestinations = remaining;
            proxy.ProxiedDestination = null;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Request.Body.Position = 0;
        }
    }

    private static bool IsConnectFailure(HttpContext context) =>
        context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } };

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "{Destination} refused the connection for {Path}; trying another node")]
    private static partial void Retrying(ILogger logger, string destination, PathString path);
}
