namespace ClusterSessions.WebNode.Sessions.Jwt;

internal enum JwtRevocation
{
    /// <summary>Logout puts the token's <c>jti</c> in a deny-list in Redis until the token expires.</summary>
    DenyList,

    /// <summary>Pure stateless: a token stays valid until it expires, whatever happens to the login.</summary>
    None,
}
