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
    public void Describe_NodeKillUnderLoad_TellsErrorsInFlightFromSessionsLost()
    {
        var results = new Dictionary<string, StrategyResult>
        {
            ["sticky"] = new() { Requests = 3000, Errors = 4, Continuity = 0.998, SessionsLost = 5, RecoverySeconds = 0.42, Unauthorized = 5 },
            ["redis"] = new() { Requests = 2500, Errors = 3, Continuity = 0.999, RecoverySeconds = 0.31, Unauthorized = 0 },
            ["jwt"] = new() { Requests = 4000, Errors = 0, Continuity = 1.0, RecoverySeconds = 0, Unauthorized = 0 },
        };

        var prose = CompareProse.Describe("nodeKillUnderLoad", results, usersPerStrategy: 16);

        Assert.StartsWith("Jwt kept every user logged in with the right cart; sticky gave the right user and cart on 100 % of requests and lost 5 of 16 users' sessions", prose, StringComparison.Ordinal);
        Assert.Contains("Sticky answered 4 of 3000 requests with an error", prose, StringComparison.Ordinal);
        Assert.Contains("redis answered 3 of 2500 requests with an error", prose, StringComparison.Ordinal);
        Assert.Contains("would have answered: the last came 0.4 s after the kill on sticky and 0.3 s after the kill on redis.", prose, StringComparison.Ordinal);
        Assert.Contains("Sticky answered 5 requests with 401, a node without the user's session, which no retry brings back; redis and jwt answered none with 401.", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NodeKillUnderLoadWithoutErrors_SaysNoRequestInFlightFailed()
    {
        var results = new Dictionary<string, StrategyResult>
        {
            ["local"] = new() { Requests = 900, Continuity = 0.31, SessionsLost = 16, RecoverySeconds = 0, Unauthorized = 1 },
            ["redis"] = new() { Requests = 2500, Continuity = 1.0, RecoverySeconds = 0, Unauthorized = 0 },
        };

        var prose = CompareProse.Describe("nodeKillUnderLoad", results, usersPerStrategy: 16);

        Assert.Contains("local gave the right user and cart on 31 % of requests and lost all 16 users' sessions", prose, StringComparison.Ordinal);
        Assert.Contains("No request failed. No request in flight on the killed node reached its user as an error.", prose, StringComparison.Ordinal);
        Assert.Contains("Local answered 1 request with 401", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("the last came", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoPool_SaysSo() =>
        Assert.Equal("No pool took part in this scenario.", CompareProse.Describe("steady", new Dictionary<string, StrategyResult>(), 3));

    [Fact]
    public void Describe_Cost_SaysWhereTheCpuGoesAndWhatRedisIsAsked()
    {
        var results = new Dictionary<string, StrategyResult>
        {
            ["sticky"] = new() { Continuity = 1.0, NodeCpuUsPerRequest = 73, GatewayCpuUsPerRequest = 112, RedisCpuUsPerRequest = 0, RedisCommandsPerRequest = 0, RedisCommands = new Dictionary<string, double>() },
            ["jwt"] = new()
            {
                Continuity = 1.0, NodeCpuUsPerRequest = 218, GatewayCpuUsPerRequest = 73, RedisCpuUsPerRequest = 21, RedisCommandsPerRequest = 2,
                RedisCommands = new Dictionary<string, double> { ["exists"] = 1, ["get"] = 1 },
            },
        };

        var prose = CompareProse.Describe("cost", results, usersPerStrategy: 4);

        Assert.Contains("Per request the pool's nodes spent 73 µs of CPU on sticky and 218 µs of CPU on jwt", prose, StringComparison.Ordinal);
        Assert.Contains("the gateway 112 µs on sticky and 73 µs on jwt", prose, StringComparison.Ordinal);
        Assert.Contains("Redis 21 µs for 2.0 commands on jwt (exists 1.0, get 1.0)", prose, StringComparison.Ordinal);
        Assert.Contains("sticky sent Redis nothing", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CostWithoutCpuFigures_SaysTheyCouldNotBeRead()
    {
        var prose = CompareProse.Describe("cost", new Dictionary<string, StrategyResult> { ["local"] = new() { Continuity = 0.3 } }, usersPerStrategy: 4);

        Assert.Contains("CPU time could not be read here", prose, StringComparison.Ordinal);
    }
}
