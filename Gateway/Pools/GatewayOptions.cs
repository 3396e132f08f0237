using ClusterSessions.Gateway.LoginThrottling;

namespace ClusterSessions.Gateway.Pools;

/// <summary>Bound from <c>Gateway:*</c>; the AppHost sets them as <c>Gateway__…</c> environment variables.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Pools by strategy name; each is routed at <c>/{name}/**</c>.</summary>
    public Dictionary<string, PoolOptions> Pools { get; set; } = new(StringComparer.Ordinal);

    public string LoadBalancing { get; set; } = "RoundRobin";

    /// <summary>HTTP/1.1 by default; the AppHost points the gateway at the nodes' h2c endpoints with <see cref="NodeProtocol.Http2"/>.</summary>
    public NodeProtocol NodeProtocol { get; set; } = NodeProtocol.Http1;

    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The port of the admin API (pool changes at run time); 0 disables it.</summary>
    public int AdminPort { get; set; }

    /// <summary>
    /// The secret every admin API request must carry as <c>X-Admin-Token</c>; required when <see cref="AdminPort"/> is
    /// set. The AppHost makes a random one per run.
    /// </summary>
    public string? AdminToken { get; set; }

    /// <summary>How many failed logins one client address may make (<c>POST /{pool}/api/login</c>, every pool).</summary>
    public LoginRateLimitOptions LoginRateLimit { get; set; } = new();
}
