namespace ClusterSessions.WebNode.Sessions.Jwt;

internal static class JwksEndpoints
{
    /// <summary>
    /// <c>GET /.well-known/jwks.json</c>: the public verification keys (RFC 7517), so any service or standard JWT
    /// library can verify the pool's tokens without a shared secret. HS256 secrets are never published.
    /// </summary>
    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/jwks.json", (HttpContext context) =>
            context.RequestServices.GetService<JwtKeys>() is { } keys
                ? Results.Text(keys.PublicJsonWebKeySet, "application/jwk-set+json")
                : Results.NotFound());
        return endpoints;
    }
}
