namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// The redis and jwt pools' tests share one cluster (it has both pools): every cluster is a dozen processes on two
/// cores, so one cluster fewer is less load on the compare running beside.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisCluster>
{
    public const string Name = "redis and jwt cluster";
}
