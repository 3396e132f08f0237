using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Configuration;
using ClusterSessions.Tests.AppHost.Nodes;

namespace ClusterSessions.Tests.AppHost.Cluster;

public sealed class ClusterModelTests
{
    private readonly ClusterModel _model = new(new ClusterOptions { LoadBalancing = "Random" }, Path.GetTempPath());

    [Fact]
    public void RequiredResources_StoreGatewayAndEveryNodeButTheSpares()
    {
        _model.Store = new StoreInfo("redis", "redis-server", "127.0.0.1:6379", null);
        _model.Gateway = new GatewayEndpoints("gateway", 8080, 8081);
        _model.Add(TestNodePools.Create("local", nodes: 2, spares: 1));
        _model.Add(TestNodePools.Create("jwt", nodes: 1, spares: 2));

        Assert.Equal(["redis", "gateway", "local-1", "local-2", "jwt-1"], _model.RequiredResources);
    }

    [Fact]
    public void RequiredResources_NoStore_NodesAndGatewayOnly()
    {
        _model.Gateway = new GatewayEndpoints("gateway", 8080, 8081);
        _model.Add(TestNodePools.Create("local", nodes: 1, spares: 1));

        Assert.Equal(["gateway", "local-1"], _model.RequiredResources);
    }

    [Fact]
    public void FindPoolOf_Node_ItsPoolSparesIncluded()
    {
        _model.Add(TestNodePools.Create("local", nodes: 1, spares: 1));
        _model.Add(TestNodePools.Create("sticky", nodes: 1, spares: 1));

        Assert.Equal("sticky", _model.FindPoolOf("sticky-2")?.Strategy);
        Assert.Equal("local", _model.FindPool("local")?.Strategy);
        Assert.Null(_model.FindPoolOf("redis-1"));
        Assert.Null(_model.FindPool("redis"));
    }

    [Fact]
    public void LoadBalancing_UntilChanged_IsTheConfiguredOne()
    {
        Assert.Equal("Random", _model.LoadBalancing);

        _model.LoadBalancing = "LeastRequests";

        Assert.Equal("LeastRequests", _model.LoadBalancing);
    }

    [Fact]
    public void GatewayUrl_IsLoopbackOnItsPublicPort() =>
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), new GatewayEndpoints("gateway", 8080, 8081).Url);
}
