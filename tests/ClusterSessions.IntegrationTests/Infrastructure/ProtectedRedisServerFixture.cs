using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>redis-server with requirepass, for the auth and restart tests.</summary>
public sealed class ProtectedRedisServerFixture(IMessageSink diagnostics) : ServerFixture(diagnostics)
{
    public override RedisBackend Backend => RedisBackend.RedisServer;

    protected override string? Password => "it-redis-password";
}
