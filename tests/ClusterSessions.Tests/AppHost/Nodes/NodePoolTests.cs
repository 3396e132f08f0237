using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.Tests.AppHost.Nodes;

public sealed class NodePoolTests
{
    [Fact]
    public void Add_InitialNodesAndSpares_OnlyTheInitialOnesAreMembers()
    {
        var pool = TestNodePools.Create("local", nodes: 2, spares: 2);

        Assert.Equal(["local-1", "local-2", "local-3", "local-4"], pool.Nodes.Select(n => n.Name));
        Assert.Equal(["local-1", "local-2"], pool.Members.Select(n => n.Name));
        Assert.Equal([false, false, true, true], pool.Nodes.Select(n => n.Spare));
        Assert.Equal(4, pool.Nodes.Select(n => n.Port).Distinct().Count());
        Assert.All(pool.Nodes, n => Assert.Equal($"http://127.0.0.1:{n.Port}", n.Url));
    }

    [Fact]
    public void Join_Spare_BecomesAMemberInNodeOrderOnce()
    {
        var pool = TestNodePools.Create("local", nodes: 2, spares: 1);

        Assert.True(pool.Join("local-3"));
        Assert.False(pool.Join("local-3"));

        Assert.Equal(["local-1", "local-2", "local-3"], pool.Members.Select(n => n.Name));
    }

    [Fact]
    public void Join_NodeOfAnotherPool_IsRefused()
    {
        var pool = TestNodePools.Create("local", nodes: 1, spares: 0);

        Assert.False(pool.Join("sticky-1"));
        Assert.Single(pool.Members);
    }

    [Fact]
    public void Leave_Member_StopsBeingOneButStaysANode()
    {
        var pool = TestNodePools.Create("local", nodes: 2, spares: 0);

        Assert.True(pool.Leave("local-1"));
        Assert.False(pool.Leave("local-1"));

        Assert.Equal(["local-2"], pool.Members.Select(n => n.Name));
        Assert.Equal(2, pool.Nodes.Count);
    }

    [Theory]
    [InlineData("local", false)]
    [InlineData("sticky", true)]
    [InlineData("redis", false)]
    [InlineData("jwt", false)]
    public void Affinity_OnlyTheStickyPool(string strategy, bool affinity)
    {
        var pool = new NodePool(strategy);

        Assert.Equal(affinity, pool.Affinity);
        Assert.Equal($"/{strategy}", pool.PathBase);
    }
}
