using ClusterSessions.Gateway.Pools;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace ClusterSessions.Gateway.Admin;

/// <summary>
/// The AppHost's handle on the gateway, on a separate loopback port: read the pools with each node's health,
/// and change a pool at run time (scale out, remove a node, switch the load-balancing policy).
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapGatewayAdmin(this IEndpointRouteBuilder endpoints, int adminPort)
    {
        // The port the connection arrived on, not the Host header: a client of the public port chooses its Host header.
        var admin = endpoints.MapGroup("/_gateway")
            .AddEndpointFilter((context, next) => context.HttpContext.Connection.LocalPort == adminPort
                ? next(context)
                : ValueTask.FromResult<object?>(Results.NotFound()));
        admin.MapGet("/pools", GetPools);
        admin.MapPut("/pools/{name}", SetPool);
        admin.MapDelete("/pools/{name}", (string name, PoolRegistry registry) =>
            registry.RemovePool(name) ? Results.NoContent() : Results.NotFound());
        return endpoints;
    }

    private static Dictionary<string, PoolView> GetPools(PoolRegistry registry, IProxyStateLookup proxyState) =>
        registry.Snapshot().ToDictionary(
            pool => pool.Key,
            pool => new PoolView(
                pool.Value.LoadBalancing,
                pool.Value.Affinity,
                pool.Value.Destinations.ToDictionary(
                    d => d.Key,
                    d => new DestinationView(d.Value, HealthOf(proxyState, pool.Key, d.Key)))));

    private static IResult SetPool(string name, PoolOptions pool, PoolRegistry registry)
    {
        var errors = GatewayOptionsValidator.ValidatePool(name, pool).ToList();
        if (errors.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: string.Join("; ", errors),
                extensions: new Dictionary<string, object?> { ["error"] = "invalid pool" });
        }

        registry.SetPool(name, pool);
        return TypedResults.NoContent();
    }

    private static string HealthOf(IProxyStateLookup proxyState, string pool, string destination)
    {
        if (!proxyState.TryGetCluster(pool, out var cluster) || !cluster.Destinations.TryGetValue(destination, out var state))
        {
            return "Unknown";
        }

        var (active, passive) = (state.Health.Active, state.Health.Passive);
        return active == DestinationHealth.Unhealthy || passive == DestinationHealth.Unhealthy ? "Unhealthy"
            : active == DestinationHealth.Healthy ? "Healthy"
            : "Unknown";
    }

    internal sealed record PoolView(string? LoadBalancing, bool Affinity, Dictionary<string, DestinationView> Destinations);

    internal sealed record DestinationView(string Address, string Health);
}
