namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>The signature algorithms a key may use (RFC 7518); no other is ever accepted.</summary>
internal enum JwtAlgorithm
{
    /// <summary>ECDSA P-256 with SHA-256: the public key can be published and verified by anyone.</summary>
    ES256,

    /// <summary>HMAC SHA-256 with a shared secret of at least 256 bits; never published.</summary>
    HS256,
}
