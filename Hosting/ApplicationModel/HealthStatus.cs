namespace ClusterSessions.Hosting.ApplicationModel;

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}
