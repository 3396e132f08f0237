using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Garnet with password auth, for the auth and restart tests.</summary>
public sealed class ProtectedGarnetFixture : ServerFixture
{
    public override RedisServerKind Kind => RedisServerKind.Garnet;

    protected override string? Password => "it-garnet-password";
}
