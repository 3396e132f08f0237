namespace ClusterSessions.Hosting.Orchestration;

public sealed class ResourceStartException(string resourceName, string reason, Exception? innerException = null)
    : Exception($"{resourceName}: {reason}", innerException)
{
    public string ResourceName { get; } = resourceName;
}
