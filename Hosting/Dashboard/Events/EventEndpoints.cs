using ClusterSessions.Hosting.Dashboard.Logs;
using ClusterSessions.Hosting.Dashboard.Traffic;
using ClusterSessions.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterSessions.Hosting.Dashboard.Events;

/// <summary>
/// The live side of the dashboard: <c>/api/events</c> (cluster state and gateway traffic),
/// <c>/api/resources/{name}/logs/events</c> (one resource's console) and <c>/api/traffic</c> (the same traffic, polled).
/// </summary>
internal static class EventEndpoints
{
    /// <summary>Lines a new Logs view gets at once: enough to scroll back, few enough to draw quickly.</summary>
    public const int DefaultLogTail = 2000;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder endpoints, ClusterApplication cluster)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/events", (HttpContext context, DashboardEventStream stream, long? after) =>
            TypedResults.ServerSentEvents(EventStreams.UntilClosed(
                context,
                token => stream.ReadAsync(EventStreams.ResumeAfter(context.Request, after), token))));

        api.MapGet("/traffic", async (TrafficFeed feed, long? after, int? limit, CancellationToken cancellationToken) =>
            after is < 0 || limit is < 1
                ? DashboardProblems.Problem(StatusCodes.Status400BadRequest, "invalid query", "after must be 0 or more and limit 1 or more")
                : Results.Ok(await feed.ReadAsync(after ?? 0, Math.Min(limit ?? TrafficFeed.DefaultCapacity, TrafficFeed.DefaultCapacity), cancellationToken).ConfigureAwait(false)));

        api.MapGet("/resources/{name}/logs/events", (HttpContext context, string name, long? after, int? tail) =>
        {
            if (cluster.FindResource(name) is not { } resource)
            {
                return DashboardProblems.UnknownResource(name);
            }

            if (after is < 0 || tail is < 0)
            {
                return DashboardProblems.Problem(StatusCodes.Status400BadRequest, "invalid query", "after and tail must be 0 or more");
            }

            var resumeAfter = EventStreams.ResumeAfter(context.Request, after) ?? 0;
            var lines = Math.Min(tail ?? DefaultLogTail, resource.Logs.Capacity);
            return TypedResults.ServerSentEvents(EventStreams.UntilClosed(
                context,
                token => LogEventStream.ReadAsync(resource, resumeAfter, lines, token)));
        });
        return endpoints;
    }
}
