namespace ClusterSessions.Redis.Caching;

public sealed class RedisCacheOptions
{
    /// <summary>Prefix of every cache key, so that several caches can share one database.</summary>
    public string? InstanceName { get; set; }
}
