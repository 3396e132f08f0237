using ClusterSessions.AppHost.Compare.Cost;

namespace ClusterSessions.Tests.AppHost.Compare.Cost;

public sealed class CostMeterTests
{
    [Fact]
    public void Parse_CommandStats_CallsByCommandWithoutTheMetersOwnInfo()
    {
        var calls = CostMeter.Parse(
        [
            new("cmdstat_get", "calls=120,usec=300,usec_per_call=2.50,rejected_calls=0,failed_calls=0"),
            new("cmdstat_EXISTS", "calls=7,usec=9"),
            new("cmdstat_info", "calls=40,usec=4000"),
            new("used_cpu_sys", "1.5"),
            new("cmdstat_broken", "usec=1"),
        ]);

        Assert.Equal(new Dictionary<string, long> { ["get"] = 120, ["exists"] = 7 }, calls);
    }
}
