using ClusterSessions.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Gateway.Traffic;

/// <summary>
/// Records every proxied request in the <see cref="TrafficLog"/>. Runs first in the proxy pipeline, so it sees the
/// outcome after any retry on another node: the node named is the one whose answer the client got.
/// </summary>
internal sealed class TrafficRecorderMiddleware(RequestDelegate next, TrafficLog log, TimeProvider timeProvider, IOptions<NodeOptions> node)
{
    private readonly string _gatewayId = node.Value.Id;

    public async Task InvokeAsync(HttpContext context)
    {
        var time = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            log.Add(
                time,
                StrategyOf(context),
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                NodeOf(context),
                context.Response.StatusCode,
                Math.Round(elapsed.TotalMilliseconds, 2));
        }
    }

    // The cluster, not the route: a pool has two routes (its login and the rest), one cluster named after it.
    private static string StrategyOf(HttpContext context) =>
        context.GetReverseProxyFeature().Route.Config.ClusterId ?? "";

    private string? NodeOf(HttpContext context)
    {
        // A forwarding error means no node produced this answer, even if one was picked.
        if (context.GetForwarderErrorFeature() is not null)
        {
            return null;
        }

        // The node's own X-Served-By, copied from its response; the destination id is the same name.
        var servedBy = context.Response.Headers[ServedByHeader.Name].ToString();
        return servedBy is { Length: > 0 } && servedBy != _gatewayId
            ? servedBy
            : context.GetReverseProxyFeature().ProxiedDestination?.DestinationId;
    }
}
