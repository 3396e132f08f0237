namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>Every test of this project shares one cluster and one browser, one test at a time (they change the cluster).</summary>
[CollectionDefinition(Name)]
public sealed class LabCollection : ICollectionFixture<LabCluster>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "lab";
}
