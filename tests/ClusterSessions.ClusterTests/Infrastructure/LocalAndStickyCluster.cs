using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The two pools without a shared store: <c>local</c> (round-robin) and <c>sticky</c> (cookie affinity).</summary>
public sealed class LocalAndStickyCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, "local,sticky")
{
    protected override int StartOrder => 2;
}
