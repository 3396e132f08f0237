namespace ClusterSessions.WebNode.Sessions;

/// <summary>Every cookie a node sets: HttpOnly, SameSite=Lax, Secure on HTTPS, scoped to the pool's path so pools never read each other's.</summary>
internal static class PoolCookies
{
    public static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
    };
}
