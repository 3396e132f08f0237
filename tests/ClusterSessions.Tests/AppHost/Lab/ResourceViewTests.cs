using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Lab;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>A resource as the lab shows it, read from Aspire's snapshot of it.</summary>
public sealed class ResourceViewTests
{
    [Theory]
    [InlineData("NotStarted", "not-started")]
    [InlineData("Waiting", "waiting")]
    [InlineData("Starting", "starting")]
    [InlineData("Running", "running")]
    [InlineData("Stopping", "stopping")]
    [InlineData("Exited", "exited")]
    [InlineData("Finished", "finished")]
    [InlineData("FailedToStart", "failed-to-start")]
    [InlineData("RuntimeUnhealthy", "runtime-unhealthy")]
    public void From_AnyState_UsesKebabCaseName(string state, string name) =>
        Assert.Equal(name, From(FakeResourceControl.Snapshot(state, 4242)).State);

    [Theory]
    [InlineData("Starting")]
    [InlineData("Running")]
    [InlineData("Stopping")]
    public void From_ProcessAlive_ShowsItsPid(string state) =>
        Assert.Equal(4242, From(FakeResourceControl.Snapshot(state, 4242)).Pid);

    [Theory]
    [InlineData("NotStarted")]
    [InlineData("Exited")]
    [InlineData("Finished")]
    [InlineData("FailedToStart")]
    public void From_NoProcessRunning_PidAndHealthAreUnknown(string state)
    {
        var view = From(FakeResourceControl.Snapshot(state, 4242).WithHealthReports([new HealthReportSnapshot("health", HealthStatus.Healthy, null, null)]));

        Assert.Null(view.Pid);
        Assert.Equal("unknown", view.Health);
    }

    [Fact]
    public void From_RunningUnhealthyNode_MapsEveryField()
    {
        var view = From(FakeResourceControl.Running(4242, HealthStatus.Unhealthy, "redis: down"));

        Assert.Equal(
            new ResourceView("local-1", "node", "running", 4242, "http://127.0.0.1:5001", "unhealthy", "redis: down", "local", TestClock.Start, null),
            view);
    }

    [Fact]
    public void From_UnhealthyWithoutDescription_ShowsTheExceptionsFirstLine()
    {
        var snapshot = FakeResourceControl.Running(4242)
            .WithHealthReports([new HealthReportSnapshot("redis", HealthStatus.Unhealthy, null, "RedisConnectionException: refused\n   at Connect()")]);

        Assert.Equal("RedisConnectionException: refused", From(snapshot).HealthDescription);
    }

    [Fact]
    public void From_Exited_ShowsTheExitCode() =>
        Assert.Equal(137, From(FakeResourceControl.Exited(137)).ExitCode);

    [Fact]
    public void From_NoSnapshotYet_IsUnknown()
    {
        var view = From(null);

        Assert.Equal("unknown", view.State);
        Assert.Equal("unknown", view.Health);
        Assert.Null(view.Pid);
        Assert.Null(view.StartedAt);
    }

    private static ResourceView From(CustomResourceSnapshot? snapshot) =>
        ResourceView.From("local-1", "node", snapshot, "http://127.0.0.1:5001", "local");
}
