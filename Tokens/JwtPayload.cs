namespace ClusterSessions.Tokens;

/// <summary>A parsed payload: the claims plus what is checked against the options.</summary>
internal readonly record struct JwtPayload(JwtClaims Claims, string Issuer, IReadOnlyList<string> Audiences);
