namespace ClusterSessions.Hosting.Orchestration;

/// <summary>A <c>Cluster:*</c> value is invalid. The message is the one line the AppHost prints.</summary>
public sealed class ClusterConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
