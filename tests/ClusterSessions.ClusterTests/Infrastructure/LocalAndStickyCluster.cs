namespace ClusterSessions.ClusterTests.Infrastructure;

public sealed class LocalAndStickyCluster() : ClusterFixture("local,sticky");
