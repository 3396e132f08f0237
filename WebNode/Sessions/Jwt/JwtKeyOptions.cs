namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// One configured key (<c>Jwt:Keys:0:Id</c>, <c>Jwt__Keys__0__Key</c>, ...). <see cref="Key"/> is a PKCS#8 private key
/// (base64 DER or PEM) for ES256 and a base64 or base64url secret of at least 256 bits for HS256.
/// </summary>
internal sealed class JwtKeyOptions
{
    public string Id { get; set; } = "";

    public JwtAlgorithm Algorithm { get; set; } = JwtAlgorithm.ES256;

    public string Key { get; set; } = "";

    /// <summary>Informational (for rotation policies); the signing key is the last one listed.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Options end up in logs and exception messages; the key must not.</summary>
    public override string ToString() => $"{Id} ({Algorithm}, key ***)";
}
