namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The <c>jwt</c> pool with <c>Cluster:JwtRevocation=None</c>: no store at all.</summary>
public sealed class StatelessJwtCluster() : ClusterFixture("jwt", 2, "--Cluster:JwtRevocation=None");
