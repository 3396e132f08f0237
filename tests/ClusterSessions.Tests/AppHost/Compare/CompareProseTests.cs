using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class CompareProseTests
{
    [Fact]
    public void Describe_Steady_SaysContinuityPerStrategyInPlainWords()
    {
        var results = new Dictionary<string, StrategyResult>
        {
            ["local"] = new() { Continuity = 0.333, SessionsLost = 3 },
            ["redis"] = new() { Continuity = 1.0 },
        };

        var prose = CompareProse.Describe("steady", results, usersPerStrategy: 3);

        Assert.StartsWith("Redis kept every user logged in with the right cart", prose, StringComparison.Ordinal);
        Assert.Contains("local gave the right user and cart on 33 % of requests and lost all 3 users' sessions", prose, StringComparison.Ordinal);
        Assert.Contains("No request failed.", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_LogoutReplay_ReportsAcceptedReplays()
    {
        var prose = CompareProse.Describe(
            "logoutReplay",
            new Dictionary<string, StrategyResult>
            {
                ["jwt"] = new() { Continuity = 1.0, AcceptedAfterLogout = 6 },
                ["redis"] = new() { Continuity = 1.0, AcceptedAfterLogout = 0 },
            },
            usersPerStrategy: 3);

        Assert.Contains("still worked 6 times on jwt", prose, StringComparison.Ordinal);
        Assert.Contains("redis refused every replay", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoPool_SaysSo() =>
        Assert.Equal("No pool took part in this scenario.", CompareProse.Describe("steady", new Dictionary<string, StrategyResult>(), 3));
}
