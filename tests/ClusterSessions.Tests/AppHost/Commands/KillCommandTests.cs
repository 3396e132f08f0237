using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Commands;
using ClusterSessions.Tests.AppHost.Lab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>
    /// Right after a restart the snapshot can say Running while it still names the previous, dead process: the command
    /// waits for the snapshot naming the new one and kills that, instead of reporting success with the node still up.
    /// </summary>
    [Fact]
    public async Task Kill_SnapshotStillNamesTheDeadProcess_KillsTheOneReportedNext()
    {
        using var dead = Process.Start("true")!;
        await dead.WaitForExitAsync(CancellationToken.None);
        using var fresh = Process.Start("sleep", "60")!;
        var (notifications, resource, kill, services) = Setup();
        await using var _ = services;
        await notifications.PublishUpdateAsync(resource, s => WithPid(dead.Id) with { State = KnownResourceStates.Running });

        var result = kill.ExecuteCommand(Context(services, resource));
        await Task.Delay(200, CancellationToken.None);
        Assert.False(result.IsCompleted);
        await notifications.PublishUpdateAsync(resource, s => WithPid(fresh.Id) with { State = KnownResourceStates.Running });

        Assert.True((await result.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None)).Success);
        Assert.True(fresh.WaitForExit(5_000));
    }

    [Fact]
    public async Task Kill_ProcessGoneAndNoNewerSnapshot_FailsInsteadOfClaimingSuccess()
    {
        using var dead = Process.Start("true")!;
        await dead.WaitForExitAsync(CancellationToken.None);
        var (notifications, resource, kill, services) = Setup();
        await using var _ = services;
        await notifications.PublishUpdateAsync(resource, s => WithPid(dead.Id) with { State = KnownResourceStates.Running });

        var result = await kill.ExecuteCommand(Context(services, resource));

        Assert.False(result.Success);
        Assert.Contains($"process {dead.Id} is gone", result.Message, StringComparison.Ordinal);
    }

    private static (ResourceNotificationService Notifications, IResource Resource, ResourceCommandAnnotation Kill, ServiceProvider Services) Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ => new ResourceNotificationService(
            NullLogger<ResourceNotificationService>.Instance, new NoLifetime(), services.BuildServiceProvider(), new ResourceLoggerService()));
        var provider = services.BuildServiceProvider();
        var builder = DistributedApplication.CreateBuilder();
        var node = builder.AddExecutable("node-1", "true", ".").WithKillCommand();
        return (provider.GetRequiredService<ResourceNotificationService>(), node.Resource,
            node.Resource.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == KillCommand.Name), provider);
    }

    private static ExecuteCommandContext Context(IServiceProvider services, IResource resource) => new()
    {
        Services = services,
        Logger = NullLogger.Instance,
        Arguments = default!,
        ResourceName = resource.Name,
        CancellationToken = CancellationToken.None,
    };

    private sealed class NoLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }

    private static CustomResourceSnapshot WithPid(object? pid) =>
        FakeResourceControl.Snapshot(KnownResourceStates.Running, pid: null) with
        {
            Properties = [new ResourcePropertySnapshot("executable.pid", pid)],
        };
}
