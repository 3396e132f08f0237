using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Garnet, no password.</summary>
public sealed class GarnetFixture(IMessageSink diagnostics) : ServerFixture(diagnostics)
{
    public override RedisBackend Backend => RedisBackend.Garnet;
}
