using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// The <c>redis</c> pool with Redis chosen as a user gets it (<c>Auto</c>: redis-server when installed, else Garnet),
/// beside a <c>jwt</c> pool, so the run folder holds both kinds of state a cluster keeps: the AOF and the signing keys.
/// </summary>
public sealed class RedisCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, "redis,jwt")
{
    /// <summary>First: the redis and jwt pools' tests, the compare CLI beside it and the cost phase run on it.</summary>
    protected override int StartOrder => 0;
}
