namespace ClusterSessions.ClusterTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AllStrategiesCollection : ICollectionFixture<AllStrategiesCluster>
{
    public const string Name = "all strategies cluster";
}
