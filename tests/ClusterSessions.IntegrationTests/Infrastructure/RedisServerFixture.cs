using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>redis-server, no password.</summary>
public sealed class RedisServerFixture(IMessageSink diagnostics) : ServerFixture(diagnostics)
{
    public override RedisBackend Backend => RedisBackend.RedisServer;
}
