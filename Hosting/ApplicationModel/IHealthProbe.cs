namespace ClusterSessions.Hosting.ApplicationModel;

public interface IHealthProbe
{
    /// <summary>Healthy or not, with a short reason; never throws for an unreachable target.</summary>
    Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken);
}
