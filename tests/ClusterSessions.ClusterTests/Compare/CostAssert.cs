using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.ClusterTests.Compare;

internal static class CostAssert
{
    /// <summary>
    /// Every part the cost phase reads has a figure. Their size is not asserted: beside the other collections' clusters a
    /// loaded machine skews CPU time (the README's figures come from a compare run on a quiet one); command counts are
    /// counts, and the tests assert those.
    /// </summary>
    public static void EveryPartRead(string strategy, StrategyResult result, bool withStore)
    {
        Assert.True(result.Requests > 20, $"{strategy}: {result.Requests} requests");
        Assert.True(result.NodeCpuUsPerRequest >= 0, $"{strategy}: node CPU {result.NodeCpuUsPerRequest}");
        Assert.True(result.GatewayCpuUsPerRequest >= 0, $"{strategy}: gateway CPU {result.GatewayCpuUsPerRequest}");
        if (withStore)
        {
            Assert.True(result.RedisCpuUsPerRequest >= 0, $"{strategy}: Redis CPU {result.RedisCpuUsPerRequest}");
            Assert.NotNull(result.RedisCommands);
        }
        else
        {
            Assert.Null(result.RedisCpuUsPerRequest);
            Assert.Null(result.RedisCommandsPerRequest);
            Assert.Null(result.RedisCommands);
        }
    }
}
