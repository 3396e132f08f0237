namespace ClusterSessions.AppHost.Configuration;

/// <summary>Passed to the jwt nodes as <c>Jwt__Revocation</c>.</summary>
internal enum JwtRevocation
{
    DenyList,
    None,
}
