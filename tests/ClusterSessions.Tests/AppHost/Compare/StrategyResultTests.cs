using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class StrategyResultTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_Samples_CountsErrorsContinuityNodesAndRate()
    {
        RequestSample[] samples =
        [
            new(At, 10, 200, 200, "local-1", Continuous: true, Error: false),
            new(At, 20, 300, 401, "local-2", Continuous: false, Error: false),
            new(At, 30, 400, 502, "gateway", Continuous: false, Error: true),
            new(At.AddSeconds(1.96), 40, 500, 200, "local-1", Continuous: true, Error: false, Checked: false),
        ];

        var result = StrategyResult.From(samples, sessionsLost: 1);

        Assert.Equal(4, result.Requests);
        Assert.Equal(1, result.Errors);
        Assert.Equal(0.333, result.Continuity); // the unchecked login is not part of continuity
        Assert.Equal(1, result.SessionsLost);
        Assert.Equal(2, result.Rps); // 4 requests from the first sent to the last answered, 2 s later
        Assert.Equal(350, result.MeanRequestBytes);
        Assert.Equal(new Dictionary<string, int> { ["gateway"] = 1, ["local-1"] = 2, ["local-2"] = 1 }, result.PerNode);
        Assert.Equal(20, result.P50Ms);
        Assert.Equal(40, result.P99Ms);
    }

    [Fact]
    public void From_NoSamples_IsAllZero()
    {
        var result = StrategyResult.From([], 0);
        Assert.Equal(0, result.Requests);
        Assert.Equal(0, result.Continuity);
        Assert.Equal(0, result.Rps);
    }
}
