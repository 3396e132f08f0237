namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The <c>Jwt</c> section: <c>Jwt__Issuer</c>, <c>Jwt__Audience</c>, <c>Jwt__Keys__N__…</c>, <c>Jwt__Revocation</c>
/// (the AppHost sets it from <c>Cluster:JwtRevocation</c>), ...
/// </summary>
internal sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>Written to <c>iss</c>; tokens with another issuer are refused.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Written to <c>aud</c>; a token must name it.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The header <c>typ</c> written and required (RFC 8725 section 3.11, explicit typing).</summary>
    public string TokenType { get; set; } = "JWT";

    /// <summary>How long a token lives; a cart change re-issues it, so it slides like a session.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest lifetime (<c>exp</c> − <c>iat</c>) a presented token may claim, whoever signed it. A token this pool
    /// issues lives <see cref="AccessTokenLifetime"/>; one that claims years was minted with a leaked key or by a
    /// misconfigured issuer, and is refused like any other bad token.
    /// </summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tolerance for clocks of different nodes when checking <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longer tokens are refused before any decoding, bounding the work an attacker can cause.</summary>
    public int MaxTokenBytes { get; set; } = 8192;

    /// <summary>Browsers drop cookies over 4096 bytes silently; a cart that would outgrow it is refused (413) instead.</summary>
    public int MaxCookieBytes { get; set; } = 4096;

    /// <summary>Signing and verification keys; the last one signs, every one verifies (rotation = append a key).</summary>
    public List<JwtKeyOptions> Keys { get; set; } = [];

    public JwtRevocation Revocation { get; set; } = JwtRevocation.DenyList;

    public RevocationStoreDown RevocationStoreDown { get; set; } = RevocationStoreDown.FailClosed;

    /// <summary><c>Jwt:TokenCache:Enabled</c> and <c>Jwt:TokenCache:MaxEntries</c>: see <see cref="JwtTokenCacheOptions"/>.</summary>
    public JwtTokenCacheOptions TokenCache { get; set; } = new();
}
