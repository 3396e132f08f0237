using ClusterSessions.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterSessions.Hosting.Dashboard;

/// <summary>The dashboard's JSON API: list resources, act on one, read its logs; the whole state at once for the page.</summary>
internal static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints, ClusterApplication cluster)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/state", () => ClusterSnapshot.From(cluster, cluster.TimeProvider.GetUtcNow()));
        api.MapGet("/resources", () => cluster.Resources.Select(ResourceView.From));
        api.MapGet("/resources/{name}", (string name) =>
            cluster.FindResource(name) is { } resource ? Results.Ok(ResourceView.From(resource)) : DashboardProblems.UnknownResource(name));
        api.MapPost("/resources/{name}/{action}", async (string name, string action, CancellationToken cancellationToken) =>
        {
            if (!Enum.TryParse<ResourceAction>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(action, out _))
            {
                return DashboardProblems.Problem(StatusCodes.Status400BadRequest, "unknown action", $"'{action}' is not one of start, stop, restart, kill");
            }

            if (cluster.FindResource(name) is not { } resource)
            {
                return DashboardProblems.UnknownResource(name);
            }

            try
            {
                await cluster.ExecuteAsync(name, parsed, cancellationToken);
            }
            catch (ResourceStartException exception)
            {
                return DashboardProblems.Problem(StatusCodes.Status500InternalServerError, "start failed", exception.Message);
            }

            return Results.Ok(ResourceView.From(resource));
        });
        api.MapGet("/resources/{name}/logs", (string name, long? after) =>
            cluster.FindResource(name) is { } resource
                ? Results.Ok(resource.Logs.Snapshot(after ?? 0))
                : DashboardProblems.UnknownResource(name));
        return endpoints;
    }
}
