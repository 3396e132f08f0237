using Xunit.Sdk;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>
/// A fact in a shared base class that runs once per server kind. A fact attribute is one instance for every
/// derived class, so it cannot decide in its constructor; the discoverer reads the concrete class's
/// <see cref="TestServerKindAttribute"/> and applies the same skip rule as <see cref="RedisServerFactAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer("ClusterSessions.IntegrationTests.Infrastructure.ServerFactDiscoverer", "ClusterSessions.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerFactAttribute : FactAttribute;
