namespace ClusterSessions.WebNode.Sessions.Jwt;

internal static class JwtCookies
{
    /// <summary>The token, HttpOnly, for browsers; API clients may send <c>Authorization: Bearer</c> instead.</summary>
    public const string Token = "cs_token";
}
