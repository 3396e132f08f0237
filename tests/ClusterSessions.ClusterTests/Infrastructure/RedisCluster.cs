using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// The <c>redis</c> pool with Redis chosen as a user gets it (<c>Auto</c>: redis-server when installed, else Garnet),
/// beside a <c>jwt</c> pool, so the run folder holds both kinds of state a cluster keeps: the AOF and the signing keys.
/// </summary>
public sealed class RedisCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, "redis,jwt");
