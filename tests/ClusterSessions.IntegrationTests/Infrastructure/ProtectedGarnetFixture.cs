using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Garnet with password auth, for the auth and restart tests.</summary>
public sealed class ProtectedGarnetFixture(IMessageSink diagnostics) : ServerFixture(diagnostics)
{
    public override RedisBackend Backend => RedisBackend.Garnet;

    protected override string? Password => "it-garnet-password";
}
