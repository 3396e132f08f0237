using ClusterSessions.AppHost.Compare.Cost;

namespace ClusterSessions.Tests.AppHost.Compare.Cost;

public sealed class CostWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Between_TwoReadings_RatesPerSecondOfEveryPart()
    {
        var start = new CostReading(Start, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), new Dictionary<string, long> { ["get"] = 100 });
        var end = new CostReading(Start.AddSeconds(2), TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(1.1), new Dictionary<string, long> { ["get"] = 700, ["set"] = 20 });

        var window = CostWindow.Between(start, end);

        Assert.Equal(2, window.Seconds);
        Assert.Equal(0.5, window.NodesCpuPerSecond!.Value, 6);
        Assert.Equal(0.25, window.GatewayCpuPerSecond!.Value, 6);
        Assert.Equal(0.05, window.RedisCpuPerSecond!.Value, 6);
        Assert.Equal(300, window.RedisCallsPerSecond!["get"], 6);
        Assert.Equal(10, window.RedisCallsPerSecond["set"], 6);
    }

    [Fact]
    public void Between_APartUnreadableOrAProcessReplaced_ThatPartIsNull()
    {
        // A node restarted in between: its new process has used less CPU than the old one had.
        var start = new CostReading(Start, TimeSpan.FromSeconds(10), null, TimeSpan.FromSeconds(1), null);
        var end = new CostReading(Start.AddSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2), null);

        var window = CostWindow.Between(start, end);

        Assert.Null(window.NodesCpuPerSecond);
        Assert.Null(window.GatewayCpuPerSecond);
        Assert.NotNull(window.RedisCpuPerSecond);
        Assert.Null(window.RedisCallsPerSecond);
    }

    [Fact]
    public void Quieter_TwoIdleWindows_TheLowerRateOfEachPart()
    {
        var before = new CostWindow(1.5, 0.9, 0.01, 0.002, new Dictionary<string, double> { ["ping"] = 0.5, ["get"] = 3 });
        var after = new CostWindow(1.5, 0.02, 0.03, null, new Dictionary<string, double> { ["ping"] = 0.4 });

        var quieter = CostWindow.Quieter(before, after);

        Assert.Equal(0.02, quieter.NodesCpuPerSecond);
        Assert.Equal(0.01, quieter.GatewayCpuPerSecond);
        Assert.Equal(0.002, quieter.RedisCpuPerSecond);
        Assert.Equal(0.4, quieter.RedisCallsPerSecond!["ping"]);
        Assert.Equal(0, quieter.RedisCallsPerSecond["get"]);
    }
}
