namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Marks a concrete test class with the backend its inherited <see cref="ServerFactAttribute"/> tests need.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TestServerKindAttribute(RedisBackend backend) : Attribute
{
    public RedisBackend Backend { get; } = backend;
}
