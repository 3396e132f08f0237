using ClusterSessions.AppHost.Compare.Scenarios;

namespace ClusterSessions.Tests.AppHost.Compare.Scenarios;

public sealed class CostScenarioTests
{
    [Fact]
    public void PerRequest_LoadedMinusIdleRate_OverTheRequestsInMicroseconds()
    {
        // 0.30 CPU-s per second loaded, 0.02 idle, over 3 s and 4,200 requests: (0.28 × 3) / 4200 s = 200 µs.
        Assert.Equal(200, CostScenario.PerRequest(0.30, 0.02, 3, 4200, 1e6));
    }

    [Fact]
    public void PerRequest_Commands_RoundedToHundredths()
    {
        Assert.Equal(2.01, CostScenario.PerRequest(1410, 4, 3, 2100, 1));
    }

    [Fact]
    public void PerRequest_IdleAboveLoaded_ZeroNotNegative()
    {
        Assert.Equal(0, CostScenario.PerRequest(0.01, 0.02, 3, 100, 1e6));
    }

    [Theory]
    [InlineData(null, 0.1, 100)]
    [InlineData(0.5, null, 100)]
    [InlineData(0.5, 0.1, 0)]
    public void PerRequest_NothingToDivide_Null(double? loaded, double? idle, int requests)
    {
        Assert.Null(CostScenario.PerRequest(loaded, idle, 3, requests, 1e6));
    }
}
