using ClusterSessions.AppHost.Compare;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Compare;

/// <summary>Compare on the jwt pool without a deny-list (<c>Cluster:JwtRevocation=None</c>), on the stateless jwt cluster.</summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class StatelessCompareTests(StatelessJwtCluster stateless, ITestOutputHelper output)
{
    [Fact]
    public async Task StatelessTokens_LogoutReplay_OldTokenStillAccepted()
    {
        var report = await CompareRunner.RunAsync(stateless.Control, CompareRunnerTests.Short with { Scenarios = ["logoutReplay"] });
        var jwt = report.Scenarios["logoutReplay"]["jwt"];
        output.WriteLine($"jwt without a deny-list: {jwt.AcceptedAfterLogout} replays accepted after logout");
        Assert.True(jwt.AcceptedAfterLogout > 0);
    }
}
