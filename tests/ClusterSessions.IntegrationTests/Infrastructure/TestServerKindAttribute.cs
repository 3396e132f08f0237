using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Marks a concrete test class with the server its inherited <see cref="ServerFactAttribute"/> tests need.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TestServerKindAttribute(RedisServerKind kind) : Attribute
{
    public RedisServerKind Kind { get; } = kind;
}
