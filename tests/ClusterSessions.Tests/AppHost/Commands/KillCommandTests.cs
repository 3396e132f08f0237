using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Commands;
using ClusterSessions.Tests.AppHost.Lab;

namespace ClusterSessions.Tests.AppHost.Commands;

public sealed class KillCommandTests
{
    [Theory]
    [InlineData(4242)]
    [InlineData(4242L)]
    [InlineData("4242")]
    public void ProcessId_PidPropertyOfAnyType_IsRead(object pid) =>
        Assert.Equal(4242, KillCommand.ProcessId(WithPid(pid)));

    [Theory]
    [InlineData("not a number")]
    [InlineData("-1")]
    [InlineData(null)]
    public void ProcessId_PropertyNotAPid_IsNull(object? pid) =>
        Assert.Null(KillCommand.ProcessId(WithPid(pid)));

    [Fact]
    public void ProcessId_NoPidProperty_IsNull() =>
        Assert.Null(KillCommand.ProcessId(FakeResourceControl.NotStarted()));

    private static CustomResourceSnapshot WithPid(object? pid) =>
        FakeResourceControl.Snapshot(KnownResourceStates.Running, pid: null) with
        {
            Properties = [new ResourcePropertySnapshot("executable.pid", pid)],
        };
}
