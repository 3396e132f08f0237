using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.Hosting.ApplicationModel;

internal sealed class StubHealthProbe(HealthStatus status = HealthStatus.Healthy, string? description = null) : IHealthProbe
{
    public Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken) =>
        Task.FromResult((status, description));
}
