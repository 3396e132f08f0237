using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The <c>jwt</c> pool with <c>Cluster:JwtRevocation=None</c>: no store at all.</summary>
public sealed class StatelessJwtCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, "jwt", 2, "--Cluster:JwtRevocation=None")
{
    /// <summary>Last: it shares the storeless collection, whose tests are the shortest.</summary>
    protected override int StartOrder => 3;
}
