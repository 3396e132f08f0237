using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>
/// The session store resource as the lab and compare describe it. <see cref="Kind"/> is the server the AppHost runs
/// itself (null for a container or an external one); <see cref="ConnectionString"/> is null until a container has one.
/// </summary>
internal sealed record StoreInfo(string Name, string Description, string? ConnectionString, RedisServerKind? Kind);
