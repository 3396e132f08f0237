namespace ClusterSessions.AppHost.Configuration;

/// <summary>Passed to the redis nodes as <c>Session__StoreDown</c>.</summary>
internal enum SessionStoreDown
{
    Fail,
    Silent,
}
