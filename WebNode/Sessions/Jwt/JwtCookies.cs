namespace ClusterSessions.WebNode.Sessions.Jwt;

internal static class JwtCookies
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
