using ClusterSessions.AppHost.Lab.Traffic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Lab.Events;

/// <summary>
/// The live side of the lab: <c>/api/events</c> (cluster state and gateway traffic) and <c>/api/traffic</c> (the same
/// traffic, polled). Each resource's console is in the Aspire dashboard.
/// </summary>
internal static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/events", (HttpContext context, LabEventStream stream, long? after) =>
            TypedResults.ServerSentEvents(EventStreams.UntilClosed(
                context,
                token => stream.ReadAsync(EventStreams.ResumeAfter(context.Request, after), token))));

        api.MapGet("/traffic", async (TrafficFeed feed, long? after, int? limit, CancellationToken cancellationToken) =>
            after is < 0 || limit is < 1
                ? LabProblems.Problem(StatusCodes.Status400BadRequest, "invalid query", "after must be 0 or more and limit 1 or more")
                : Results.Ok(await feed.ReadAsync(after ?? 0, Math.Min(limit ?? TrafficFeed.DefaultCapacity, TrafficFeed.DefaultCapacity), cancellationToken).ConfigureAwait(false)));

        return endpoints;
    }
}
