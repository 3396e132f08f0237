using System.Net;
using ClusterSessions.Gateway.LoginThrottling;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.SessionAffinity;

namespace ClusterSessions.Gateway.Pools;

/// <summary>
/// Turns pools into YARP routes and clusters: <c>/{pool}/**</c> → that pool's nodes, path unchanged, and the pool's
/// login on a route of its own that carries the login rate limiter policy.
/// </summary>
internal static class ProxyConfigFactory
{
    public const string AffinityCookieName = ".ClusterSessions.Affinity";

    public static IEnumerable<RouteConfig> CreateRoutes(string pool) => [CreateLoginRoute(pool), CreateRoute(pool)];

    public static RouteConfig CreateRoute(string pool) => new()
    {
        RouteId = pool,
        ClusterId = pool,
        Match = new RouteMatch { Path = $"/{pool}/{{**rest}}" },
    };

    /// <summary>
    /// <c>POST /{pool}/api/login</c>, the one request that makes a node run PBKDF2. Its id cannot clash with a pool's
    /// (pool names have no '/'); its order puts it before the pool's catch-all whatever the routing's own precedence.
    /// </summary>
    public static RouteConfig CreateLoginRoute(string pool) => new()
    {
        RouteId = $"{pool}/login",
        ClusterId = pool,
        Order = -1,
        RateLimiterPolicy = LoginRateLimiterPolicy.Name,
        Match = new RouteMatch { Path = $"/{pool}/api/login", Methods = [HttpMethods.Post] },
    };

    public static ClusterConfig CreateCluster(string pool, PoolOptions options, GatewayOptions gateway) => new()
    {
        ClusterId = pool,
        LoadBalancingPolicy = string.IsNullOrEmpty(options.LoadBalancing) ? gateway.LoadBalancing : options.LoadBalancing,
        SessionAffinity = options.Affinity
            ? new SessionAffinityConfig
            {
                Enabled = true,
                Policy = SessionAffinityConstants.Policies.HashCookie,
                // A dead node's users move to another node (and find their session gone) instead of getting 503s.
                FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
                AffinityKeyName = AffinityCookieName,
                Cookie = new SessionAffinityCookieConfig
                {
                    Path = $"/{pool}",
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    SecurePolicy = CookieSecurePolicy.SameAsRequest,
                },
            }
            : null,
        HttpRequest = ForwarderRequestFor(gateway.NodeProtocol),
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = gateway.HealthCheckInterval,
                Timeout = gateway.HealthCheckTimeout,
                Policy = "ConsecutiveFailures",
                Path = "/health",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = "TransportFailureRate",
                ReactivationPeriod = gateway.HealthCheckInterval,
            },
            // When every node reports unhealthy (e.g. Redis down for the redis pool), still forward, so the
            // client gets the node's own explanation (a 503 with a JSON reason) rather than an empty gateway 503.
            AvailableDestinationsPolicy = "HealthyOrPanic",
        },
        Metadata = new Dictionary<string, string>
        {
            ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1",
        },
        Destinations = options.Destinations.ToDictionary(
            d => d.Key,
            d => new DestinationConfig { Address = d.Value },
            StringComparer.Ordinal),
    };

    /// <summary>
    /// <see langword="null"/> keeps YARP's default (HTTP/2 or lower, which over plain http:// is HTTP/1.1). h2c has no
    /// negotiation, so it must be asked for exactly; the active health probes follow the same setting.
    /// </summary>
    public static ForwarderRequestConfig? ForwarderRequestFor(NodeProtocol protocol) => protocol switch
    {
        NodeProtocol.Http2 => new ForwarderRequestConfig
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        },
        _ => null,
    };
}
