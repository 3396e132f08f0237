using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>redis-server with requirepass, for the auth and restart tests.</summary>
public sealed class ProtectedRedisServerFixture : ServerFixture
{
    public override RedisServerKind Kind => RedisServerKind.RedisServer;

    protected override string? Password => "it-redis-password";
}
