using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The AppHost's default topology: every strategy side by side, as compare runs it.</summary>
public sealed class AllStrategiesCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, "local,sticky,redis,jwt")
{
    /// <summary>A full compare runs on it: the longest test of the project, so it starts right after the redis cluster.</summary>
    protected override int StartOrder => 1;
}
