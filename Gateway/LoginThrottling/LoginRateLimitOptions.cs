namespace ClusterSessions.Gateway.LoginThrottling;

/// <summary>
/// <c>Gateway:LoginRateLimit:*</c>, per client address: a token bucket of failed logins (a login answered 401 takes a
/// token; none left means 429) and a limit on logins under way at once, with a queue. The names are those of
/// <see cref="System.Threading.RateLimiting.TokenBucketRateLimiterOptions"/> and
/// <see cref="System.Threading.RateLimiting.ConcurrencyLimiterOptions"/>.
/// </summary>
/// <remarks>
/// Why failures and not every login: a login costs a node one PBKDF2 verification (HMAC-SHA512, 100,000 iterations),
/// 100–125 ms of CPU on this 2-core machine, so a storm of 200 wrong logins is 20–25 CPU-seconds. The demo's own
/// clients log in as often from one address, and rightly: compare's users on <c>local</c> log in again at every hop
/// that lost them (a whole compare run: 757 logins, up to 60 in 10 s), its nodeKillUnderLoad scenario logs 64 users
/// in at once, and the tests log in from 127.0.0.1 in parallel. No rate of all logins tells those from a storm; their
/// outcome does.
/// The defaults: 10 failures in a burst, then one a second, so a person who mistypes a few times is not slowed and a storm
/// reaches the nodes about 10 + 1 a second times (200 wrong logins in 8 s: 18 reached a node, 182 got 429). At most 4
/// logins of one address under way, enough to keep 2 cores busy with PBKDF2, and 100 waiting, so 64 at once are all
/// served, in turn (that compare run: no 429).
/// </remarks>
internal sealed class LoginRateLimitOptions
{
    /// <summary>Failed logins an address may make in a burst.</summary>
    public int TokenLimit { get; set; } = 10;

    /// <summary>Failed logins given back per <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 1;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Logins of one address forwarded at once (no more than it has failures left: each may fail).</summary>
    public int PermitLimit { get; set; } = 4;

    /// <summary>Logins of one address waiting for one of those; beyond it, 429 at once.</summary>
    public int QueueLimit { get; set; } = 100;
}
