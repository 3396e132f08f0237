using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

public sealed class RedisServerFixture : ServerFixture
{
    public override RedisServerKind Kind => RedisServerKind.RedisServer;
}
