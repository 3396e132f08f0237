namespace ClusterSessions.ClusterTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class LocalAndStickyCollection : ICollectionFixture<LocalAndStickyCluster>
{
    public const string Name = "local and sticky cluster";
}
