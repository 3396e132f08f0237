using System.Diagnostics.CodeAnalysis;

namespace ClusterSessions.Tokens;

/// <summary>The outcome of <see cref="JwtTokenValidator.Validate(string?)"/>: claims, or a failure code and a short reason.</summary>
public sealed class TokenValidationResult
{
    private TokenValidationResult(JwtClaims? claims, string? keyId, TokenValidationFailure failure, string message)
    {
        Claims = claims;
        KeyId = keyId;
        Failure = failure;
        Message = message;
    }

    [MemberNotNullWhen(true, nameof(Claims), nameof(KeyId))]
    public bool Succeeded => Failure == TokenValidationFailure.None;

    public JwtClaims? Claims { get; }

    /// <summary>The key that verified the token.</summary>
    public string? KeyId { get; }

    public TokenValidationFailure Failure { get; }

    /// <summary>
    /// Fixed text that never echoes token content, and holds no quote or backslash, so it can go
    /// verbatim into <c>WWW-Authenticate: Bearer error_description="..."</c> (RFC 6750 section 3).
    /// </summary>
    public string Message { get; }

    internal static TokenValidationResult Success(JwtClaims claims, string keyId) =>
        new(claims, keyId, TokenValidationFailure.None, "ok");

    internal static TokenValidationResult Fail(TokenValidationFailure failure, string message) =>
        new(null, null, failure, message);
}
