using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.Hosting.ApplicationModel;

internal sealed class CallbackHealthProbe(Func<CancellationToken, Task<(HealthStatus Status, string? Description)>> probe) : IHealthProbe
{
    public Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken) => probe(cancellationToken);
}
