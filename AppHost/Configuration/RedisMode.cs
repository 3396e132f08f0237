namespace ClusterSessions.AppHost.Configuration;

/// <summary>How the AppHost provides the shared store (<c>Cluster:Redis:Mode</c>).</summary>
internal enum RedisMode
{
    /// <summary>redis-server when it is on PATH, else Garnet (which needs nothing but the SDK).</summary>
    Auto,
    Garnet,
    RedisServer,

    /// <summary>Aspire.Hosting.Redis's <c>AddRedis</c>: needs a container engine.</summary>
    Container,

    /// <summary>A server somebody else runs: <c>Cluster:Redis:ConnectionString</c>.</summary>
    External,
}
