namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The clusters without a session store: local and sticky, and the jwt pool without a deny-list.</summary>
[CollectionDefinition(Name)]
public sealed class LocalAndStickyCollection : ICollectionFixture<LocalAndStickyCluster>, ICollectionFixture<StatelessJwtCluster>
{
    public const string Name = "storeless clusters";
}
