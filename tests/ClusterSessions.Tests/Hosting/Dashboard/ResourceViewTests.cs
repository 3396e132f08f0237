using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Dashboard;
using ClusterSessions.Tests.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.Hosting.Dashboard;

public sealed class ResourceViewTests
{
    [Theory]
    [InlineData(ResourceState.NotStarted, "not-started")]
    [InlineData(ResourceState.Starting, "starting")]
    [InlineData(ResourceState.Running, "running")]
    [InlineData(ResourceState.Stopping, "stopping")]
    [InlineData(ResourceState.Stopped, "stopped")]
    [InlineData(ResourceState.Exited, "exited")]
    [InlineData(ResourceState.Failed, "failed")]
    public void From_AnyState_UsesKebabCaseName(ResourceState state, string name) =>
        Assert.Equal(name, ResourceView.From(Node(state)).State);

    [Theory]
    [InlineData(ResourceState.Starting)]
    [InlineData(ResourceState.Running)]
    [InlineData(ResourceState.Stopping)]
    public void From_ProcessAlive_ShowsItsPid(ResourceState state) =>
        Assert.Equal(4242, ResourceView.From(Node(state)).Pid);

    [Theory]
    [InlineData(ResourceState.NotStarted)]
    [InlineData(ResourceState.Stopped)]
    [InlineData(ResourceState.Exited)]
    [InlineData(ResourceState.Failed)]
    public void From_NoProcessRunning_PidIsNull(ResourceState state) =>
        Assert.Null(ResourceView.From(Node(state)).Pid);

    [Fact]
    public void From_Node_MapsEveryField()
    {
        var node = Node(ResourceState.Running);
        node.Health = HealthStatus.Unhealthy;
        node.HealthDescription = "redis: down";
        node.RestartCount = 2;
        node.StartedAt = TestClock.Start;

        var view = ResourceView.From(node);

        Assert.Equal(
            new ResourceView("local-1", "node", "running", 4242, "http://127.0.0.1:5001", "unhealthy", "redis: down", "local", 2, TestClock.Start, null),
            view);
    }

    [Theory]
    [InlineData(ResourceKind.Redis, "redis")]
    [InlineData(ResourceKind.Gateway, "gateway")]
    [InlineData(ResourceKind.Node, "node")]
    public void From_AnyKind_UsesLowerCaseName(ResourceKind kind, string name)
    {
        var resource = new Resource
        {
            Name = "r",
            Kind = kind,
            Port = 1,
            Url = "http://127.0.0.1:1",
            HealthProbe = new StubHealthProbe(),
            Logs = new LogBuffer(TestClock.Create()),
        };

        Assert.Equal(name, ResourceView.From(resource).Kind);
    }

    [Fact]
    public void From_Null_Throws() => Assert.Throws<ArgumentNullException>(() => ResourceView.From(null!));

    private static Resource Node(ResourceState state) => new()
    {
        Name = "local-1",
        Kind = ResourceKind.Node,
        Pool = "local",
        Port = 5001,
        Url = "http://127.0.0.1:5001",
        HealthProbe = new StubHealthProbe(),
        Logs = new LogBuffer(TestClock.Create()),
        State = state,
        ProcessId = 4242,
    };
}
