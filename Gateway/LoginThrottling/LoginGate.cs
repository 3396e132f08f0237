using System.Net;
using System.Threading.RateLimiting;

namespace ClusterSessions.Gateway.LoginThrottling;

/// <summary>
/// Lets a login through while its client address has more failed logins left (<see cref="LoginFailures"/>) than
/// logins under way, each of which may yet fail. It takes no failure itself, only a node's 401 does, so a login that
/// succeeds costs the address nothing. Counting the ones under way is what keeps a burst to the budget: without it,
/// every failure given back would let in as many logins as the concurrency limiter chained before this one allows.
/// </summary>
internal sealed class LoginGate(LoginFailures failures, IPAddress client) : RateLimiter
{
    private readonly Lock _lock = new();
    private int _underWay;

    // Null ("busy") on purpose: a chain takes the shortest idle time of its links that report one, so the partition
    // is dropped once the concurrency limiter before this gate has been idle a while, never while it holds a login.
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, failures.Remaining(client) - _underWay) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            if (failures.Remaining(client) - _underWay >= Math.Max(permitCount, 1))
            {
                _underWay += permitCount;
                return new Lease(this, permitCount);
            }
        }

        return new Refusal(failures.RetryAfter(client));
    }

    // No queue of its own: the concurrency limiter before it is where logins wait.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Release(int permitCount)
    {
        lock (_lock)
        {
            _underWay -= permitCount;
        }
    }

    /// <summary>Held while the login is forwarded; the rate limiting middleware disposes it once the answer is out.</summary>
    private sealed class Lease(LoginGate gate, int permitCount) : RateLimitLease
    {
        private int _released;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release(permitCount);
            }
        }
    }

    private sealed class Refusal(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
