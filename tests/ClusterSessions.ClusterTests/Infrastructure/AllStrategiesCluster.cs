namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The AppHost's default topology: every strategy side by side, as compare runs it.</summary>
public sealed class AllStrategiesCluster() : ClusterFixture("local,sticky,redis,jwt");
