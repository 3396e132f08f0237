namespace ClusterSessions.Tokens;

/// <summary>A freshly signed token, with its claims and its size.</summary>
public sealed record JwtIssuedToken(string Token, JwtClaims Claims, string KeyId)
{
    /// <summary>Bytes on the wire: a compact JWS is ASCII, so one byte per character (for <c>X-Token-Bytes</c>).</summary>
    public int ByteCount => Token.Length;
}
