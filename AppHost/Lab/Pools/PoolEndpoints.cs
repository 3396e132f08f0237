using System.Text.Json;
using ClusterSessions.AppHost.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Lab.Pools;

/// <summary>
/// Live pool changes from the lab's Pools view: add a node to a pool, remove one, switch the gateway's
/// load-balancing policy. None of them restarts anything else.
/// </summary>
internal static class PoolEndpoints
{
    public static IEndpointRouteBuilder MapPoolEndpoints(this IEndpointRouteBuilder endpoints, ClusterControl cluster)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/pools", () => cluster.Pools.Select(PoolSummary.From).ToList());
        api.MapPost("/pools/{strategy}/nodes", (string strategy, CancellationToken cancellationToken) =>
            AddNodeAsync(cluster, strategy, cancellationToken));
        api.MapDelete("/pools/{strategy}/nodes/{name}", (string strategy, string name, CancellationToken cancellationToken) =>
            RemoveNodeAsync(cluster, strategy, name, cancellationToken));
        api.MapGet("/gateway/load-balancing", () => View(cluster));
        api.MapPut("/gateway/load-balancing", (HttpRequest request, CancellationToken cancellationToken) =>
            SetLoadBalancingAsync(cluster, request, cancellationToken));
        return endpoints;
    }

    private static async Task<IResult> AddNodeAsync(ClusterControl cluster, string strategy, CancellationToken cancellationToken)
    {
        if (!cluster.Pools.Any(p => p.Strategy == strategy))
        {
            return LabProblems.UnknownPool(strategy);
        }

        try
        {
            var node = await cluster.AddNodeAsync(strategy, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/api/resources/{node.Name}", node);
        }
        catch (HttpRequestException exception)
        {
            return GatewayRefused(exception);
        }
        catch (InvalidOperationException exception)
        {
            // No spare left, or the spare did not start.
            return LabProblems.Problem(StatusCodes.Status409Conflict, "scale-out failed", exception.Message);
        }
    }

    private static async Task<IResult> RemoveNodeAsync(ClusterControl cluster, string strategy, string name, CancellationToken cancellationToken)
    {
        if (cluster.Pools.FirstOrDefault(p => p.Strategy == strategy) is not { } pool)
        {
            return LabProblems.UnknownPool(strategy);
        }

        if (!pool.Members.Any(n => n.Name == name))
        {
            return LabProblems.Problem(StatusCodes.Status404NotFound, "unknown node", $"pool '{strategy}' has no node named '{name}'");
        }

        // An empty pool would leave /{strategy}/ answering 503 until a node is added: refuse rather than surprise.
        if (pool.Members.Count <= 1)
        {
            return LabProblems.Problem(StatusCodes.Status409Conflict, "last node", $"'{name}' is the last node of pool '{strategy}'; a pool keeps at least one");
        }

        try
        {
            await cluster.RemoveNodeAsync(name, cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException exception)
        {
            // Removed by someone else between the check and now.
            return LabProblems.Problem(StatusCodes.Status404NotFound, "unknown node", exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            return GatewayRefused(exception);
        }
    }

    private static async Task<IResult> SetLoadBalancingAsync(ClusterControl cluster, HttpRequest request, CancellationToken cancellationToken)
    {
        LoadBalancingRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<LoadBalancingRequest>(LabJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: not a JSON content type.
            return LabProblems.Problem(StatusCodes.Status400BadRequest, "invalid body", "expected JSON like {\"policy\":\"Random\"}");
        }

        var policy = body?.Policy;
        if (policy is null || !ClusterOptionsValidator.LoadBalancingPolicies.Contains(policy))
        {
            return LabProblems.Problem(
                StatusCodes.Status400BadRequest,
                "unknown policy",
                $"'{policy}' is not one of {string.Join(", ", ClusterOptionsValidator.LoadBalancingPolicies)}");
        }

        try
        {
            await cluster.SetLoadBalancingAsync(policy, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            return GatewayRefused(exception);
        }

        return TypedResults.Ok(View(cluster));
    }

    private static LoadBalancingView View(ClusterControl cluster) =>
        new(cluster.LoadBalancing, ClusterOptionsValidator.LoadBalancingPolicies);

    private static IResult GatewayRefused(Exception exception) =>
        LabProblems.Problem(StatusCodes.Status502BadGateway, "gateway update failed", exception.Message);
}
