using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterSessions.AppHost.Lab;

/// <summary>The lab's control API: list resources, act on one, the whole state at once for the page.</summary>
internal static class LabApi
{
    public static IEndpointRouteBuilder MapLabApi(this IEndpointRouteBuilder endpoints, ClusterControl cluster)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/state", () => ClusterSnapshot.From(cluster, cluster.TimeProvider.GetUtcNow()));
        api.MapGet("/resources", () => cluster.Resources);
        api.MapGet("/resources/{name}", (string name) =>
            cluster.FindResource(name) is { } resource ? Results.Ok(resource) : LabProblems.UnknownResource(name));
        api.MapPost("/resources/{name}/{action}", async (string name, string action, CancellationToken cancellationToken) =>
        {
            if (!Enum.TryParse<ResourceAction>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(action, out _))
            {
                return LabProblems.Problem(StatusCodes.Status400BadRequest, "unknown action", $"'{action}' is not one of start, stop, restart, kill");
            }

            if (cluster.FindResource(name) is null)
            {
                return LabProblems.UnknownResource(name);
            }

            try
            {
                await cluster.ExecuteAsync(name, parsed, cancellationToken);
            }
            catch (InvalidOperationException exception)
            {
                // The command failed, or did not take effect in time: the resource is not in the state asked for.
                return LabProblems.Problem(StatusCodes.Status409Conflict, $"{parsed.ToString().ToLowerInvariant()} failed", exception.Message);
            }

            return Results.Ok(cluster.FindResource(name));
        });
        return endpoints;
    }
}
