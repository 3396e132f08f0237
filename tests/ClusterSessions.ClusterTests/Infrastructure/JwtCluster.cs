using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>The <c>jwt</c> pool with the deny-list on (the default): Redis runs for revocation only.</summary>
public sealed class JwtCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, "jwt");
