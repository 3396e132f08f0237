namespace ClusterSessions.Gateway.Traffic;

/// <summary>
/// <c>GET /_gateway/traffic?after=N&amp;limit=M</c> on the admin port only: what the AppHost's dashboard relays as
/// its Traffic view. The public port answers 404, like the rest of the admin API.
/// </summary>
internal static class TrafficEndpoints
{
    public const int DefaultLimit = 500;

    public static IEndpointRouteBuilder MapGatewayTraffic(this IEndpointRouteBuilder endpoints, int adminPort)
    {
        // The port the connection arrived on, not the Host header (which the client chooses).
        endpoints.MapGet("/_gateway/traffic", (long? after, int? limit, TrafficLog log) =>
            after is < 0 || limit is < 1
                ? Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    detail: "after must be 0 or more and limit 1 or more",
                    extensions: new Dictionary<string, object?> { ["error"] = "invalid query" })
                : Results.Ok(log.Read(after ?? 0, Math.Min(limit ?? DefaultLimit, log.Capacity))))
            .AddEndpointFilter((context, next) => context.HttpContext.Connection.LocalPort == adminPort
                ? next(context)
                : ValueTask.FromResult<object?>(Results.NotFound()));
        return endpoints;
    }
}
