namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// <c>Jwt:TokenCache</c>: remember tokens that passed signature, <c>alg</c>/<c>kid</c>/<c>typ</c>, issuer, audience and
/// lifetime, so a byte-identical token presented again skips that work until its <c>exp</c>. The deny-list,
/// <c>crit</c> and the claims checks of <c>OnTokenValidated</c> still run on every request.
/// </summary>
internal sealed class JwtTokenCacheOptions
{
    public const int MaxEntriesLimit = 1_000_000;

    /// <summary>Off by default: every request verifies its token's signature.</summary>
    public bool Enabled { get; set; }

    /// <summary>At most this many validated tokens are remembered; past it, new tokens are verified but not cached.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
