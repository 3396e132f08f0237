using ClusterSessions.Gateway.LoginThrottling;
using ClusterSessions.Gateway.Pools;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace ClusterSessions.Tests.Gateway.Pools;

public sealed class ProxyConfigFactoryTests
{
    private static readonly GatewayOptions Gateway = new()
    {
        LoadBalancing = "PowerOfTwoChoices",
        HealthCheckInterval = TimeSpan.FromSeconds(2),
        HealthCheckTimeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void CreateRoute_Pool_MatchesEverythingUnderThePoolPathOnThePoolsCluster()
    {
        var route = ProxyConfigFactory.CreateRoute("local");

        Assert.Equal("local", route.RouteId);
        Assert.Equal("local", route.ClusterId);
        Assert.Equal("/local/{**rest}", route.Match.Path);
        Assert.Null(route.Transforms);
    }

    [Fact]
    public void CreateLoginRoute_Pool_MatchesOnlyThePoolsLoginPostBeforeTheCatchAllWithTheLoginPolicy()
    {
        var route = ProxyConfigFactory.CreateLoginRoute("redis");

        Assert.Equal("redis/login", route.RouteId);
        Assert.Equal("redis", route.ClusterId);
        Assert.Equal("/redis/api/login", route.Match.Path);
        Assert.Equal(["POST"], route.Match.Methods);
        Assert.True(route.Order < (ProxyConfigFactory.CreateRoute("redis").Order ?? 0));
        Assert.Equal(LoginRateLimiterPolicy.Name, route.RateLimiterPolicy);
    }

    [Fact]
    public void CreateRoutes_Pool_TheLoginRouteAndTheCatchAll() =>
        Assert.Equal(["redis/login", "redis"], ProxyConfigFactory.CreateRoutes("redis").Select(r => r.RouteId));

    [Fact]
    public void CreateCluster_Destinations_BecomeYarpDestinationsByNodeId()
    {
        var cluster = ProxyConfigFactory.CreateCluster("local", Pool(affinity: false), Gateway);

        Assert.Equal("local", cluster.ClusterId);
        Assert.Equal(["local-1", "local-2"], cluster.Destinations!.Keys.Order());
        Assert.Equal("http://127.0.0.1:5001/", cluster.Destinations["local-1"].Address);
    }

    [Fact]
    public void CreateCluster_NodeProtocolHttp1_LeavesYarpsDefaultRequestVersion() =>
        Assert.Null(ProxyConfigFactory.CreateCluster("local", Pool(affinity: false), Gateway).HttpRequest);

    [Fact]
    public void CreateCluster_NodeProtocolHttp2_AsksForExactlyHttp2ForRequestsAndProbes()
    {
        var gateway = new GatewayOptions { NodeProtocol = NodeProtocol.Http2 };

        var request = ProxyConfigFactory.CreateCluster("local", Pool(affinity: false), gateway).HttpRequest;

        Assert.NotNull(request);
        Assert.Equal(System.Net.HttpVersion.Version20, request.Version);
        Assert.Equal(System.Net.Http.HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
    }

    [Fact]
    public void CreateCluster_PoolWithoutPolicy_UsesTheGatewayPolicy() =>
        Assert.Equal("PowerOfTwoChoices", ProxyConfigFactory.CreateCluster("local", Pool(affinity: false), Gateway).LoadBalancingPolicy);

    [Fact]
    public void CreateCluster_PoolWithPolicy_UsesThePoolsPolicy()
    {
        var pool = Pool(affinity: false);
        pool.LoadBalancing = "LeastRequests";

        Assert.Equal("LeastRequests", ProxyConfigFactory.CreateCluster("local", pool, Gateway).LoadBalancingPolicy);
    }

    [Fact]
    public void CreateCluster_StickyPool_UsesHashCookieAffinityThatRedistributesWhenTheNodeFails()
    {
        var affinity = ProxyConfigFactory.CreateCluster("sticky", Pool(affinity: true), Gateway).SessionAffinity;

        Assert.NotNull(affinity);
        Assert.True(affinity.Enabled);
        Assert.Equal("HashCookie", affinity.Policy);
        Assert.Equal("Redistribute", affinity.FailurePolicy);
        Assert.Equal(ProxyConfigFactory.AffinityCookieName, affinity.AffinityKeyName);
        Assert.Equal("/sticky", affinity.Cookie!.Path);
        Assert.True(affinity.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, affinity.Cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, affinity.Cookie.SecurePolicy);
    }

    [Fact]
    public void CreateCluster_PoolWithoutAffinity_HasNoSessionAffinity() =>
        Assert.Null(ProxyConfigFactory.CreateCluster("local", Pool(affinity: false), Gateway).SessionAffinity);

    [Fact]
    public void CreateCluster_AnyPool_ProbesHealthActivelyOnHealthAndPassively()
    {
        var health = ProxyConfigFactory.CreateCluster("local", Pool(affinity: false), Gateway).HealthCheck!;

        Assert.True(health.Active!.Enabled);
        Assert.Equal("/health", health.Active.Path);
        Assert.Equal(TimeSpan.FromSeconds(2), health.Active.Interval);
        Assert.Equal(TimeSpan.FromSeconds(1), health.Active.Timeout);
        Assert.Equal("ConsecutiveFailures", health.Active.Policy);
        Assert.True(health.Passive!.Enabled);
        Assert.Equal("TransportFailureRate", health.Passive.Policy);
        // A node taken out by failed forwards is retried within a couple of probe intervals, not YARP's default minutes.
        Assert.InRange(health.Passive.ReactivationPeriod!.Value, Gateway.HealthCheckInterval, Gateway.HealthCheckInterval * 2);
    }

    [Fact]
    public void CreateCluster_EveryNodeUnhealthy_StillForwards() =>
        Assert.Equal("HealthyOrPanic", ProxyConfigFactory.CreateCluster("redis", Pool(affinity: false), Gateway).HealthCheck!.AvailableDestinationsPolicy);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateRouteAndCluster_AnyPool_PassYarpsOwnConfigValidation(bool affinity)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReverseProxy();
        // YARP refuses a route whose rate limiter policy is not registered.
        services.AddLoginThrottling();
        await using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<IConfigValidator>();

        var routeErrors = new List<Exception>();
        foreach (var route in ProxyConfigFactory.CreateRoutes("sticky"))
        {
            routeErrors.AddRange(await validator.ValidateRouteAsync(route));
        }

        var clusterErrors = await validator.ValidateClusterAsync(ProxyConfigFactory.CreateCluster("sticky", Pool(affinity), Gateway));

        Assert.Empty(routeErrors);
        Assert.Empty(clusterErrors);
    }

    private static PoolOptions Pool(bool affinity) => new()
    {
        Affinity = affinity,
        Destinations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["local-1"] = "http://127.0.0.1:5001/",
            ["local-2"] = "http://127.0.0.1:5002/",
        },
    };
}
