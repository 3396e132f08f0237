namespace ClusterSessions.WebNode.Api;

/// <summary>The API paths that read or write the session (cart, visits) or reset it (login, logout).</summary>
internal static class SessionPaths
{
    public static bool Use(PathString path) =>
        path.StartsWithSegments("/api/cart", StringComparison.Ordinal)
        || path.StartsWithSegments("/api/visits", StringComparison.Ordinal)
        || path.StartsWithSegments("/api/login", StringComparison.Ordinal)
        || path.StartsWithSegments("/api/logout", StringComparison.Ordinal)
        || path.StartsWithSegments("/api/logout-all", StringComparison.Ordinal);
}
