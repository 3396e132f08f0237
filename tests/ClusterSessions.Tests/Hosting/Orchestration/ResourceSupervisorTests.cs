using Microsoft.Extensions.Time.Testing;
using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Tests.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterSessions.Tests.Hosting.Orchestration;

/// <summary>An external resource (no process of ours) exercises the start/health logic without launching anything.</summary>
public sealed class ResourceSupervisorTests
{
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public async Task StartAsync_HealthyResource_IsRunningAndHealthy()
    {
        var resource = External(new StubHealthProbe());
        await using var supervisor = new ResourceSupervisor(resource, _clock, TimeSpan.FromSeconds(60), NullLogger.Instance);

        await supervisor.StartAsync(CancellationToken.None);

        Assert.Equal(ResourceState.Running, resource.State);
        Assert.Equal(HealthStatus.Healthy, resource.Health);
        Assert.Equal(TestClock.Start, resource.StartedAt);
        Assert.Equal(0, resource.RestartCount);
    }

    [Fact]
    public async Task StartAsync_NeverHealthy_FailsNamingTheResourceAndTheLastReason()
    {
        // Each probe takes the clock past the start timeout.
        var resource = External(new CallbackHealthProbe(_ =>
        {
            _clock.Advance(TimeSpan.FromSeconds(61));
            return Task.FromResult<(HealthStatus, string?)>((HealthStatus.Unhealthy, "connection refused"));
        }));
        await using var supervisor = new ResourceSupervisor(resource, _clock, TimeSpan.FromSeconds(60), NullLogger.Instance);

        var exception = await Assert.ThrowsAsync<ResourceStartException>(() => supervisor.StartAsync(CancellationToken.None));

        Assert.Equal("redis", exception.ResourceName);
        Assert.Equal("redis: not healthy after 60 s: connection refused", exception.Message);
        Assert.Equal(ResourceState.Failed, resource.State);
    }

    [Fact]
    public async Task StartAsync_AfterAStart_CountsARestart()
    {
        var resource = External(new StubHealthProbe());
        await using var supervisor = new ResourceSupervisor(resource, _clock, TimeSpan.FromSeconds(60), NullLogger.Instance);
        await supervisor.StartAsync(CancellationToken.None);
        await supervisor.StopAsync();

        await supervisor.StartAsync(CancellationToken.None);

        Assert.Equal(1, resource.RestartCount);
        Assert.Equal(ResourceState.Running, resource.State);
    }

    [Fact]
    public async Task StopAsync_RunningExternalResource_IsStopped()
    {
        var resource = External(new StubHealthProbe());
        await using var supervisor = new ResourceSupervisor(resource, _clock, TimeSpan.FromSeconds(60), NullLogger.Instance);
        await supervisor.StartAsync(CancellationToken.None);

        await supervisor.StopAsync();

        Assert.Equal(ResourceState.Stopped, resource.State);
    }

    [Fact]
    public async Task StartAsync_FirstProbeTimesOut_RetriesInsteadOfFailingTheStart()
    {
        // A process that is slow to answer its first /health (cold start on a busy machine) is not healthy yet;
        // it must not abort the start. The supervisor gives each probe 1 s of wall time, so this test waits 1 s.
        var calls = 0;
        using var client = new HttpClient(new CallbackHttpHandler(async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }));
        var resource = External(new HttpHealthProbe(client, new Uri("http://127.0.0.1:5001/health")));
        // The retry waits on the clock between probes, and the probe timeout is wall time: this test runs on real time.
        await using var supervisor = new ResourceSupervisor(resource, TimeProvider.System, TimeSpan.FromSeconds(60), NullLogger.Instance);

        await supervisor.StartAsync(CancellationToken.None);

        Assert.Equal(ResourceState.Running, resource.State);
        Assert.True(calls >= 2);
    }

    private Resource External(IHealthProbe probe) => new()
    {
        Name = "redis",
        Kind = ResourceKind.Redis,
        Port = 6379,
        Url = "redis://127.0.0.1:6379",
        Process = null,
        HealthProbe = probe,
        Logs = new LogBuffer(_clock),
    };
}
