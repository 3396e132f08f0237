namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// How the <c>jwt</c> pool delivers and revokes tokens, bound from <c>Jwt:*</c> beside the token options
/// (<c>Jwt:Issuer</c>, <c>Jwt:Keys</c>, ...). The AppHost sets <c>Jwt__Revocation</c> from <c>Cluster:JwtRevocation</c>.
/// </summary>
internal sealed class JwtSessionOptions
{
    public const string DenyList = "DenyList";
    public const string None = "None";
    public const string FailClosed = "FailClosed";
    public const string FailOpen = "FailOpen";

    /// <summary><c>DenyList</c>: logout puts the token's <c>jti</c> in Redis until it expires. <c>None</c>: pure stateless.</summary>
    public string Revocation { get; set; } = DenyList;

    /// <summary>
    /// With the deny-list and Redis down: <c>FailClosed</c> (default) answers 503, because a revoked token must not
    /// work again just because the store is unreachable; <c>FailOpen</c> keeps serving and accepts that risk.
    /// </summary>
    public string RevocationStoreDown { get; set; } = FailClosed;

    public string CookieName { get; set; } = "cs_token";

    /// <summary>Browsers drop cookies over 4096 bytes silently; a cart that would outgrow it is refused (413) instead.</summary>
    public int MaxCookieBytes { get; set; } = 4096;
}
