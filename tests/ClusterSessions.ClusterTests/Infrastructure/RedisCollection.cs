namespace ClusterSessions.ClusterTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisCluster>
{
    public const string Name = "redis cluster";
}
