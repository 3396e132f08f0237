using System.Net;
using System.Threading.RateLimiting;
using ClusterSessions.Gateway.Pools;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Gateway.LoginThrottling;

/// <summary>
/// The failed logins of each client address: one <see cref="TokenBucketRateLimiter"/> per address, kept by
/// <see cref="PartitionedRateLimiter"/> (which refills them and drops the ones that have been full for a while).
/// </summary>
internal sealed class LoginFailures : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _buckets;
    private readonly TimeSpan _period;

    public LoginFailures(IOptions<GatewayOptions> options)
    {
        var limit = options.Value.LoginRateLimit;
        _period = limit.ReplenishmentPeriod;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.TokenLimit,
            TokensPerPeriod = limit.TokensPerPeriod,
            ReplenishmentPeriod = limit.ReplenishmentPeriod,
            QueueLimit = 0,
        };
        _buckets = PartitionedRateLimiter.Create<IPAddress, IPAddress>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => bucket));
    }

    /// <summary>How many more failed logins <paramref name="client"/> may make now.</summary>
    public long Remaining(IPAddress client) => _buckets.GetStatistics(client)?.CurrentAvailablePermits ?? 0;

    /// <summary>A node answered a login of <paramref name="client"/> with 401.</summary>
    public void Record(IPAddress client) => _buckets.AttemptAcquire(client).Dispose();

    /// <summary>
    /// When <paramref name="client"/> may try again: the bucket's own answer when it is empty, else one period (its
    /// tokens are all spoken for by logins still in flight, which may fail).
    /// </summary>
    public TimeSpan RetryAfter(IPAddress client)
    {
        using var lease = _buckets.AttemptAcquire(client, permitCount: 0);
        return !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _period;
    }

    public void Dispose() => _buckets.Dispose();
}
