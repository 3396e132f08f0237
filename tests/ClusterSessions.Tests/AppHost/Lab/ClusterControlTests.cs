using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>What the lab and compare drive the cluster with, called directly (a fake Aspire, no gateway admin).</summary>
public sealed class ClusterControlTests : IAsyncLifetime
{
    private readonly LabHost _host = new();

    private ClusterControl Cluster => _host.Cluster;

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_UnknownResource_ThrowsKeyNotFoundAndRunsNothing()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Cluster.ExecuteAsync("nope-1", ResourceAction.Kill));

        Assert.Empty(_host.Resources.Executed);
    }

    [Fact]
    public async Task ExecuteAsync_CommandFails_ThrowsInvalidOperationNamingActionAndResource()
    {
        _host.Resources.FailNext("gateway", "not running");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Cluster.ExecuteAsync("gateway", ResourceAction.Stop));

        Assert.Equal("stop gateway: not running", exception.Message);
    }

    [Fact]
    public async Task ExecuteAsync_Stop_WaitsUntilTheProcessIsGone()
    {
        _host.Resources.Set("sticky-1", FakeResourceControl.Running(700));
        _host.Resources.ApplyCommands = false;

        var stop = Cluster.ExecuteAsync("sticky-1", ResourceAction.Stop);
        await _host.Resources.Waiting.WaitAsync(TimeSpan.FromSeconds(10));
        _host.Resources.Set("sticky-1", FakeResourceControl.Snapshot(KnownResourceStates.Stopping, 700));
        var doneWhileStopping = stop.IsCompleted;
        _host.Resources.Set("sticky-1", FakeResourceControl.Exited(0));
        await stop;

        Assert.False(doneWhileStopping);
        Assert.Equal([("sticky-1", KnownResourceCommands.StopCommand)], _host.Resources.Executed);
    }

    [Fact]
    public async Task StartNodeAsync_SpareLeft_StartsItWithoutRoutingToIt()
    {
        var node = await Cluster.StartNodeAsync("sticky");

        Assert.Equal("sticky-3", node.Name);
        Assert.Equal([("sticky-3", KnownResourceCommands.StartCommand)], _host.Resources.Executed);
        Assert.DoesNotContain(node, _host.Model.FindPool("sticky")!.Members);

        await Cluster.JoinPoolAsync(node);

        Assert.Contains(node, _host.Model.FindPool("sticky")!.Members);
    }

    [Fact]
    public async Task StartNodeAsync_UnknownPool_ThrowsKeyNotFound() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Cluster.StartNodeAsync("redis"));

    [Fact]
    public async Task SetLoadBalancingAsync_UnknownPolicy_ThrowsAndKeepsThePolicy()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Cluster.SetLoadBalancingAsync("Fastest"));

        Assert.Equal("RoundRobin", _host.Model.LoadBalancing);
    }

    [Fact]
    public async Task SetLoadBalancingAsync_NoGatewayAdmin_ChangesTheModel()
    {
        await Cluster.SetLoadBalancingAsync("PowerOfTwoChoices");

        Assert.Equal("PowerOfTwoChoices", Cluster.LoadBalancing);
    }

    [Fact]
    public void Resources_StoreGatewayThenEveryNodeSparesIncluded()
    {
        Assert.Equal(
            ["redis", "gateway", "local-1", "local-2", "local-3", "sticky-1", "sticky-2", "sticky-3"],
            Cluster.Resources.Select(r => r.Name));
        Assert.Null(Cluster.FindResource("local-9"));
        Assert.Equal("sticky", Cluster.FindResource("sticky-3")!.Pool);
    }
}
