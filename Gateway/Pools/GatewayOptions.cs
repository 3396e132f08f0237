namespace ClusterSessions.Gateway.Pools;

/// <summary>Bound from <c>Gateway:*</c>; the AppHost sets them as <c>Gateway__…</c> environment variables.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Pools by strategy name; each is routed at <c>/{name}/**</c>.</summary>
    public Dictionary<string, PoolOptions> Pools { get; set; } = new(StringComparer.Ordinal);

    public string LoadBalancing { get; set; } = "RoundRobin";

    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The port of the admin API (pool changes at run time); 0 disables it.</summary>
    public int AdminPort { get; set; }
}
