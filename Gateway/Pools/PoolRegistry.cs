using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace ClusterSessions.Gateway.Pools;

/// <summary>The pools currently routed. Changes go straight to YARP's in-memory config: no restart, no dropped requests.</summary>
internal sealed partial class PoolRegistry
{
    private readonly Lock _lock = new();
    private readonly InMemoryConfigProvider _proxyConfig;
    private readonly GatewayOptions _gateway;
    private readonly ILogger<PoolRegistry> _logger;
    private readonly Dictionary<string, PoolOptions> _pools;

    public PoolRegistry(IOptions<GatewayOptions> options, ILogger<PoolRegistry> logger)
    {
        _gateway = options.Value;
        _logger = logger;
        _pools = new Dictionary<string, PoolOptions>(_gateway.Pools, StringComparer.Ordinal);
        _proxyConfig = new InMemoryConfigProvider(CreateRoutes(), CreateClusters());
    }

    public IProxyConfigProvider ProxyConfig => _proxyConfig;

    public IReadOnlyDictionary<string, PoolOptions> Snapshot()
    {
        lock (_lock)
        {
            return new Dictionary<string, PoolOptions>(_pools, StringComparer.Ordinal);
        }
    }

    /// <summary>Adds or replaces a pool (its node list, affinity and policy).</summary>
    public void SetPool(string name, PoolOptions pool)
    {
        lock (_lock)
        {
            _pools[name] = pool;
            _proxyConfig.Update(CreateRoutes(), CreateClusters());
        }

        PoolChanged(_logger, name, pool.Destinations.Count, string.Join(", ", pool.Destinations.Keys));
    }

    public bool RemovePool(string name)
    {
        lock (_lock)
        {
            if (!_pools.Remove(name))
            {
                return false;
            }

            _proxyConfig.Update(CreateRoutes(), CreateClusters());
        }

        PoolChanged(_logger, name, 0, "");
        return true;
    }

    private List<RouteConfig> CreateRoutes() => _pools.Keys.SelectMany(ProxyConfigFactory.CreateRoutes).ToList();

    private List<ClusterConfig> CreateClusters() =>
        _pools.Select(p => ProxyConfigFactory.CreateCluster(p.Key, p.Value, _gateway)).ToList();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Pool {Pool} now routes to {Count} nodes: {Nodes}")]
    private static partial void PoolChanged(ILogger logger, string pool, int count, string nodes);
}
