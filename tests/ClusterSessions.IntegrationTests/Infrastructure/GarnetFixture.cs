using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

public sealed class GarnetFixture : ServerFixture
{
    public override RedisServerKind Kind => RedisServerKind.Garnet;
}
