namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>Every test of this project shares one cluster and one browser, one test at a time (they change the cluster).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardCluster>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}
