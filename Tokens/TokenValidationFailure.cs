namespace ClusterSessions.Tokens;

/// <summary>Why a token was refused; every value maps to 401 <c>error="invalid_token"</c> in the web layer.</summary>
public enum TokenValidationFailure
{
    None = 0,

    /// <summary>Not three base64url segments, bad JSON, non-UTF-8, missing or mistyped claims.</summary>
    Malformed,

    /// <summary>Longer than <see cref="JwtOptions.MaxTokenBytes"/>; refused before any decoding.</summary>
    Oversized,

    /// <summary>No <c>kid</c>, or a <c>kid</c> that is not configured.</summary>
    UnknownKey,

    /// <summary><c>alg</c> differs from the algorithm of the selected key (including <c>none</c>).</summary>
    AlgorithmMismatch,

    /// <summary>The header lists <c>crit</c> extensions, none of which this validator understands.</summary>
    UnsupportedCriticalHeader,

    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    WrongType,
}
