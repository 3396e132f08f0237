namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>The <c>error_description</c> of each refusal, as the node words it (no quotes, no IDX codes, no type names).</summary>
internal static class RejectionReasons
{
    public const string Signature = "the signature is missing or invalid";
    public const string UnknownKey = "unknown signing key (kid)";
    public const string Expired = "the token has expired";
    public const string NotYetValid = "the token is not valid yet";
    public const string Issuer = "wrong issuer (iss)";
    public const string Audience = "wrong audience (aud)";
    public const string Type = "wrong token type (typ)";
    public const string Malformed = "the token is malformed";
    public const string TooLarge = "the token is larger than 8192 bytes";
    public const string Critical = "the token names critical header extensions (crit) this node does not understand";
    public const string NoJtiOrSub = "the token lacks jti, sub or name";
    public const string NoIssuedAt = "the token's lifetime is invalid (no iat)";
    public const string IssuedInTheFuture = "the token's lifetime is invalid (iat is in the future)";

    /// <summary><c>exp</c> − <c>iat</c> over <c>Jwt:MaxLifetime</c> (default one hour).</summary>
    public const string LongerThanMaxLifetime = "the token's lifetime is invalid (exp - iat is longer than 01:00:00)";
}
