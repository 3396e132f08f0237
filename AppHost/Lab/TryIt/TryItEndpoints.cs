using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>
/// <c>POST /api/try/{strategy}/{action}</c> (login, add-to-cart, me, cart, logout, logout-all) answers one
/// <see cref="TryItStep"/>; <c>DELETE /api/try/{strategy}</c> forgets that strategy's cookies and steps.
/// </summary>
internal static class TryItEndpoints
{
    public static IEndpointRouteBuilder MapTryItEndpoints(this IEndpointRouteBuilder endpoints, ClusterControl cluster)
    {
        var api = endpoints.MapGroup("/api/try");
        api.MapPost("/{strategy}/{action}", async (HttpContext context, string strategy, string action, TryItSessions sessions, TryItClient client) =>
        {
            if (Validate(cluster, strategy) is { } invalid)
            {
                return invalid;
            }

            if (!TryItActions.TryParse(action, out var parsed))
            {
                return LabProblems.Problem(
                    StatusCodes.Status400BadRequest, "unknown action", $"'{action}' is not one of {string.Join(", ", TryItActions.Names)}");
            }

            string? user = null;
            if (parsed == TryItAction.Login)
            {
                user = await ReadUserAsync(context.Request).ConfigureAwait(false);
                if (!DemoUsers.IsKnown(user))
                {
                    return LabProblems.Problem(
                        StatusCodes.Status400BadRequest, "unknown user", $"log in as one of {string.Join(", ", DemoUsers.Names)}: {{\"user\":\"alice\"}}");
                }
            }

            var session = sessions.For(context);
            await session.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                return Results.Ok(await client.SendAsync(session, strategy, parsed, user, context.RequestAborted).ConfigureAwait(false));
            }
            finally
            {
                session.Gate.Release();
            }
        });

        api.MapDelete("/{strategy}", async (HttpContext context, string strategy, TryItSessions sessions) =>
        {
            if (Validate(cluster, strategy) is { } invalid)
            {
                return invalid;
            }

            var session = sessions.For(context);
            await session.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                session.Reset(strategy, new Uri(cluster.GatewayUrl!, $"/{strategy}/"));
                return Results.NoContent();
            }
            finally
            {
                session.Gate.Release();
            }
        });
        return endpoints;
    }

    private static IResult? Validate(ClusterControl cluster, string strategy)
    {
        if (cluster.GatewayUrl is null)
        {
            return LabProblems.Problem(StatusCodes.Status503ServiceUnavailable, "no gateway", "this cluster has no gateway to send requests through");
        }

        return cluster.Pools.Any(p => p.Strategy == strategy) ? null : LabProblems.UnknownPool(strategy);
    }

    private static async Task<string?> ReadUserAsync(HttpRequest request)
    {
        try
        {
            var body = await request.ReadFromJsonAsync<TryItLoginRequest>(LabJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return body?.User;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
