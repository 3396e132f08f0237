using System.Net.Http;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ClusterSessions.Gateway.Forwarding;

/// <summary>
/// Sends a request that a node failed to answer to another node of the pool, instead of answering 502, where the
/// client could not have told the difference:
/// <list type="bullet">
/// <item>the node refused the connection (killed, not yet marked unhealthy): it never saw the request, so any method;</item>
/// <item>the node's connection died before its answer began (killed with the request in flight), and the request
/// is a GET or HEAD: running it twice changes nothing. A POST that died in flight may have been carried out
/// (a login made, an item added), so it keeps its 502 and the client decides.</item>
/// </list>
/// Runs outside affinity, load balancing and passive health, so each attempt is balanced and each failure counts
/// against the node that failed. A sticky client keeps its old affinity cookie until health checks mark the dead
/// node down (YARP only re-affinitizes then), so for those seconds its retried requests may land on different nodes.
/// </summary>
internal sealed partial class RetryOnAnotherNodeMiddleware(RequestDelegate next, ILogger<RetryOnAnotherNodeMiddleware> logger)
{
    private const int MaxRetries = 2;

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        // API bodies are small; buffering lets a retry send the same bytes again. Only a request that can carry a body
        // needs it: for a GET (most of the traffic) the buffering stream would be an allocation and a dispose per request
        // that no retry ever reads.
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (hasBody)
        {
            context.Request.EnableBuffering();
        }

        // Allocated on the first failure only: almost every request is answered by its first node.
        List<DestinationState>? tried = null;
        var replayed = false;

        for (var attempt = 0; ; attempt++)
        {
            await next(context).ConfigureAwait(false);

            if (attempt == MaxRetries || context.Response.HasStarted || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }

            var failure = FailureOf(context);
            // A request in flight when its node died is replayed once: if it is what kills nodes, it takes one more, not the pool.
            if (failure == NodeFailure.None
                || (failure == NodeFailure.DroppedInFlight && (replayed || !IsIdempotent(context.Request.Method))))
            {
                return;
            }

            tried ??= [];
            tried.Add(failed);
            var remaining = Untried(candidates, tried);
            if (remaining.Count == 0)
            {
                return;
            }

            if (failure == NodeFailure.Refused)
            {
                RetryingRefused(logger, failed.DestinationId, context.Request.Method, context.Request.Path);
            }
            else
            {
                replayed = true;
                RetryingDropped(logger, failed.DestinationId, context.Request.Method, context.Request.Path);
            }

            proxy.AvailableDestinations = remaining;
            proxy.ProxiedDestination = null;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            if (hasBody)
            {
                context.Request.Body.Position = 0;
            }
        }
    }

    // A loop, not a lambda over tried: a lambda would allocate its closure at the start of every request, failure or not.
    private static List<DestinationState> Untried(IReadOnlyList<DestinationState> candidates, List<DestinationState> tried)
    {
        var remaining = new List<DestinationState>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!tried.Contains(candidate))
            {
                remaining.Add(candidate);
            }
        }

        return remaining;
    }

    private static bool IsIdempotent(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    /// <summary>
    /// What a forwarding error says about the node. <see cref="ForwarderError.Request"/> is YARP's "sending the request
    /// or reading the answer's headers failed", so nothing of an answer has reached the client yet.
    /// </summary>
    private static NodeFailure FailureOf(HttpContext context)
    {
        if (context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request, Exception: { } exception })
        {
            return NodeFailure.None;
        }

        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return NodeFailure.Refused;
        }

        // The connection was reset or closed under the request: "response ended prematurely" (ResponseEnded, an
        // IOException) or a reset socket, whatever HttpRequestError the handler put on top of it.
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is IOException or SocketException)
            {
                return NodeFailure.DroppedInFlight;
            }
        }

        return NodeFailure.None;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "{Destination} refused the connection for {Method} {Path}; trying another node")]
    private static partial void RetryingRefused(ILogger logger, string destination, string method, PathString path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "{Destination} dropped the connection before answering {Method} {Path}; trying another node")]
    private static partial void RetryingDropped(ILogger logger, string destination, string method, PathString path);

    private enum NodeFailure
    {
        None,
        Refused,
        DroppedInFlight,
    }
}
