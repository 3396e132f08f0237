using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Any real Redis: Testcontainers when a Docker engine answers, else a redis-server (or Garnet) process. For tests that need Redis but not a process to stop.</summary>
public sealed class ContainerFixture(IMessageSink diagnostics) : ServerFixture(diagnostics)
{
    public override RedisBackend Backend => RedisBackend.Container;
}
