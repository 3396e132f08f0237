namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The <c>redis</c> pool with Redis chosen as a user gets it (<c>Auto</c>: redis-server when installed, else Garnet).</summary>
public sealed class RedisCluster() : ClusterFixture("redis");
