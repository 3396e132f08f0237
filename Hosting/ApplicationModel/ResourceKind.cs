namespace ClusterSessions.Hosting.ApplicationModel;

public enum ResourceKind
{
    Redis,
    Gateway,
    Node,
}
