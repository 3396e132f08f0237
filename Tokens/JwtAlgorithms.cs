namespace ClusterSessions.Tokens;

/// <summary>The JWS <c>alg</c> values this library signs and verifies (RFC 7518 section 3.1).</summary>
public static class JwtAlgorithms
{
    /// <summary>ECDSA P-256 with SHA-256: the default, because verifiers only need the public key.</summary>
    public const string ES256 = "ES256";

    /// <summary>HMAC with SHA-256: every verifier holds the secret, so it is never published.</summary>
    public const string HS256 = "HS256";

    // JWS alg values are case-sensitive (RFC 7515 section 4.1.1), so "es256" is not ES256.
    internal static bool IsSupported(string? algorithm) =>
        string.Equals(algorithm, ES256, StringComparison.Ordinal) ||
        string.Equals(algorithm, HS256, StringComparison.Ordinal);
}
