using ClusterSessions.Gateway.Pools;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.Gateway.Pools;

public sealed class PoolRegistryTests
{
    [Fact]
    public void Constructor_ConfiguredPools_AreRoutedFromTheStart()
    {
        var registry = Create(("local", "local-1"), ("sticky", "sticky-1"));

        var config = registry.ProxyConfig.GetConfig();

        Assert.Equal(["local", "local/login", "sticky", "sticky/login"], config.Routes.Select(r => r.RouteId).Order());
        Assert.Equal(["local", "sticky"], config.Clusters.Select(c => c.ClusterId).Order());
        Assert.NotNull(config.Clusters.Single(c => c.ClusterId == "sticky").SessionAffinity);
    }

    [Fact]
    public void SetPool_NewPool_PublishesANewConfigAndSignalsTheOldOne()
    {
        var registry = Create();
        var before = registry.ProxyConfig.GetConfig();

        registry.SetPool("local", Pool("local-1", "local-2"));

        Assert.True(before.ChangeToken.HasChanged);
        var after = registry.ProxyConfig.GetConfig();
        Assert.Equal(["/local/api/login", "/local/{**rest}"], after.Routes.Select(r => r.Match.Path));
        Assert.Equal(["local-1", "local-2"], Assert.Single(after.Clusters).Destinations!.Keys.Order());
    }

    [Fact]
    public void SetPool_ExistingPool_ReplacesItsNodes()
    {
        var registry = Create(("local", "local-1"));

        registry.SetPool("local", Pool("local-2", "local-3"));

        var cluster = Assert.Single(registry.ProxyConfig.GetConfig().Clusters);
        Assert.Equal(["local-2", "local-3"], cluster.Destinations!.Keys.Order());
        Assert.Equal(["local-2", "local-3"], registry.Snapshot()["local"].Destinations.Keys.Order());
    }

    [Fact]
    public void RemovePool_ExistingPool_StopsRoutingIt()
    {
        var registry = Create(("local", "local-1"), ("jwt", "jwt-1"));
        var before = registry.ProxyConfig.GetConfig();

        Assert.True(registry.RemovePool("local"));

        Assert.True(before.ChangeToken.HasChanged);
        Assert.Equal(["jwt/login", "jwt"], registry.ProxyConfig.GetConfig().Routes.Select(r => r.RouteId));
        Assert.False(registry.Snapshot().ContainsKey("local"));
    }

    [Fact]
    public void RemovePool_UnknownPool_ReturnsFalseAndKeepsTheConfig()
    {
        var registry = Create(("local", "local-1"));
        var before = registry.ProxyConfig.GetConfig();

        Assert.False(registry.RemovePool("redis"));

        Assert.False(before.ChangeToken.HasChanged);
    }

    [Fact]
    public void Snapshot_LaterChanges_DoNotAlterAnEarlierSnapshot()
    {
        var registry = Create(("local", "local-1"));
        var snapshot = registry.Snapshot();

        registry.SetPool("sticky", Pool("sticky-1"));

        Assert.Equal(["local"], snapshot.Keys);
    }

    private static PoolRegistry Create(params (string Pool, string Node)[] pools)
    {
        var options = new GatewayOptions();
        foreach (var (pool, node) in pools)
        {
            var poolOptions = Pool(node);
            poolOptions.Affinity = pool == "sticky";
            options.Pools[pool] = poolOptions;
        }

        return new PoolRegistry(Options.Create(options), NullLogger<PoolRegistry>.Instance);
    }

    private static PoolOptions Pool(params string[] nodes) => new()
    {
        Destinations = nodes.ToDictionary(n => n, n => $"http://127.0.0.1:{5000 + nodes.ToList().IndexOf(n)}/", StringComparer.Ordinal),
    };
}
