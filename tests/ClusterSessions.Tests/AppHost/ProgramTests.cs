using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;

namespace ClusterSessions.Tests.AppHost;

/// <summary>
/// The default topology as Program.cs builds it (Aspire.Hosting.Testing, never started): which resources exist, what
/// each node and the gateway are given, what waits for what, and what the lab and READY will read from the model.
/// </summary>
public sealed class ProgramTests(AppHostModel host) : IClassFixture<AppHostModel>
{
    private static readonly string[] Strategies = ["local", "sticky", "redis", "jwt"];

    private static readonly string[] InitialNodes = [.. Strategies.SelectMany(s => Enumerable.Range(1, 3).Select(i => $"{s}-{i}"))];

    private static readonly string[] Spares = [.. Strategies.SelectMany(s => new[] { $"{s}-4", $"{s}-5" })];

    [Fact]
    public void Build_Default_TheStoreEveryNodeSparesIncludedAndTheGateway()
    {
        var names = host.Executables.Select(r => r.Name).ToList();

        Assert.Equal(
            ["redis", .. Strategies.SelectMany(s => Enumerable.Range(1, 5).Select(i => $"{s}-{i}")), "gateway"],
            names);
    }

    [Fact]
    public void Build_Default_OnlyTheSparesWaitForAnExplicitStart()
    {
        var explicitStart = host.Executables.Where(r => r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).Select(r => r.Name);

        Assert.Equal(Spares.Order(), explicitStart.Order());
    }

    [Fact]
    public void Build_Default_NoEndpointIsProxiedByDcp()
    {
        var endpoints = host.Executables.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>().Select(e => (r.Name, Endpoint: e))).ToList();

        Assert.Equal(host.Executables.Count, endpoints.Select(e => e.Name).Distinct().Count());
        Assert.All(endpoints, e => Assert.False(e.Endpoint.IsProxied, $"{e.Name}'s endpoint {e.Endpoint.Name} is proxied"));
        Assert.All(endpoints, e => Assert.Equal(e.Endpoint.Port, e.Endpoint.TargetPort));
    }

    [Fact]
    public void Build_Default_NodesAndTheStoreHaveTheKillCommand()
    {
        var withKill = host.Executables
            .Where(r => r.Annotations.OfType<ResourceCommandAnnotation>().Any(c => c.Name == "kill"))
            .Select(r => r.Name);

        Assert.Equal(new[] { "redis" }.Concat(InitialNodes).Concat(Spares).Order(), withKill.Order());
    }

    [Fact]
    public void Build_Default_NodesAndTheGatewayAreHealthCheckedOverHttp()
    {
        Assert.All(
            host.Executables.Where(r => r.Name != "redis"),
            r => Assert.NotEmpty(r.Annotations.OfType<HealthCheckAnnotation>()));
        Assert.Single(host.Resource("redis").Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public void ClusterModel_Default_PoolsNodesGatewayStoreAndLab()
    {
        var cluster = host.Cluster;

        Assert.Equal(Strategies, cluster.Pools.Select(p => p.Strategy));
        Assert.All(cluster.Pools, pool =>
        {
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{pool.Strategy}-{i}"), pool.Nodes.Select(n => n.Name));
            Assert.Equal(pool.Nodes.Take(3), pool.Members);
            Assert.Equal([false, false, false, true, true], pool.Nodes.Select(n => n.Spare));
        });
        Assert.Equal(host.RunDirectory, cluster.RunDirectory);
        Assert.Equal("redis", cluster.Store?.Name);
        Assert.NotNull(cluster.Store?.Kind);
        Assert.Equal("gateway", cluster.Gateway?.Name);
        Assert.NotEqual(0, cluster.Gateway!.Port);
        Assert.NotEqual(cluster.Gateway.Port, cluster.Gateway.AdminPort);
        Assert.NotEqual(0, cluster.LabUrl!.Port);
        Assert.Equal("RoundRobin", cluster.LoadBalancing);
        Assert.Equal(["redis", "gateway", .. InitialNodes], cluster.RequiredResources);
    }

    [Fact]
    public void ClusterModel_EveryNodeAndTheGateway_ListenWhereTheirResourceSays()
    {
        var ports = host.Cluster.Pools.SelectMany(p => p.Nodes).Select(n => (n.Name, n.Port))
            .Append((host.Cluster.Gateway!.Name, host.Cluster.Gateway.Port))
            .ToList();

        Assert.All(ports, p => Assert.Equal(p.Port, host.Resource(p.Name).Annotations.OfType<EndpointAnnotation>().Single().Port));
        var everyPort = ports.Select(p => p.Port).Concat(host.Cluster.Pools.SelectMany(p => p.Nodes).Select(n => n.H2cPort)).ToList();
        Assert.Equal(everyPort.Count, everyPort.Distinct().Count());
    }

    [Theory]
    [InlineData("local-1", "local")]
    [InlineData("sticky-5", "sticky")]
    [InlineData("redis-2", "redis")]
    [InlineData("jwt-3", "jwt")]
    public async Task Node_Environment_ItsIdentityPoolAndAddress(string name, string strategy)
    {
        var node = host.Cluster.FindPoolOf(name)!.Nodes.Single(n => n.Name == name);

        var environment = await host.EnvironmentAsync(name);

        Assert.Equal(name, environment["Node__Id"]);
        Assert.Equal($"/{strategy}", environment["Node__PathBase"]);
        Assert.Equal(strategy, environment["Session__Strategy"]);
        Assert.Equal(node.Url, environment["Kestrel__Endpoints__Http__Url"]);
        Assert.Equal(node.H2cUrl, environment["Kestrel__Endpoints__H2c__Url"]);
        Assert.Equal("Http2", environment["Kestrel__Endpoints__H2c__Protocols"]);
        Assert.DoesNotContain("Kestrel__Endpoints__Http__Protocols", environment.Keys);
        Assert.DoesNotContain("ASPNETCORE_URLS", environment.Keys);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        var resource = host.Resource(name);
        Assert.Equal("dotnet", resource.Command);
        Assert.EndsWith("ClusterSessions.WebNode.dll", Assert.IsType<string>(Assert.Single(await host.ArgumentsAsync(name))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis-1")]
    [InlineData("redis-4")]
    public async Task RedisNode_Environment_TheStoresConnectionStringAndStoreDown(string name)
    {
        var environment = await host.EnvironmentAsync(name);

        Assert.Same(host.Resource("redis"), Assert.IsType<ConnectionStringReference>(environment["ConnectionStrings__redis"]).Resource);
        Assert.Equal("Fail", environment["Session__StoreDown"]);
    }

    [Fact]
    public async Task RedisNode_StoreDownOverridden_TheNextStartGetsTheOverride()
    {
        var pool = host.Cluster.FindPool("redis")!;
        pool.Override("Session__StoreDown", "Silent");
        try
        {
            Assert.Equal("Silent", (await host.EnvironmentAsync("redis-2"))["Session__StoreDown"]);
        }
        finally
        {
            pool.Override("Session__StoreDown", null);
        }
    }

    [Theory]
    [InlineData("jwt-1")]
    [InlineData("jwt-5")]
    public async Task JwtNode_Environment_SigningKeysAsSecretParametersAndTheDenyList(string name)
    {
        var environment = await host.EnvironmentAsync(name);

        var key = Assert.IsType<ParameterResource>(environment["Jwt__Keys__0__Key"]);
        Assert.True(key.Secret);
        Assert.IsType<string>(environment["Jwt__Keys__0__Id"]);
        Assert.Equal("cluster-sessions", environment["Jwt__Issuer"]);
        Assert.Equal("cluster-sessions-jwt", environment["Jwt__Audience"]);
        Assert.Equal("DenyList", environment["Jwt__Revocation"]);
        Assert.IsType<ConnectionStringReference>(environment["ConnectionStrings__redis"]);
        Assert.True(File.Exists(Path.Combine(host.RunDirectory, "jwt-keys.json")));
    }

    [Theory]
    [InlineData("local-1")]
    [InlineData("local-4")]
    [InlineData("sticky-2")]
    public async Task LocalOrStickyNode_Environment_NoStoreAndNoKeys(string name)
    {
        var environment = await host.EnvironmentAsync(name);

        Assert.DoesNotContain("ConnectionStrings__redis", environment.Keys);
        Assert.DoesNotContain("Session__StoreDown", environment.Keys);
        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("Jwt__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_Environment_EveryPoolsAffinityAndInitialNodesOnlyAtTheirH2cEndpoints()
    {
        var environment = await host.EnvironmentAsync("gateway");

        Assert.Equal("true", environment["Gateway__Pools__sticky__Affinity"]);
        Assert.Equal("false", environment["Gateway__Pools__local__Affinity"]);
        Assert.Equal("RoundRobin", environment["Gateway__LoadBalancing"]);
        var destinations = environment.Where(e => e.Key.Contains("__Destinations__", StringComparison.Ordinal)).ToList();
        Assert.Equal(InitialNodes.Order(), destinations.Select(d => d.Key[(d.Key.LastIndexOf("__", StringComparison.Ordinal) + 2)..]).Order());
        var local1 = host.Cluster.FindPool("local")!.Nodes[0];
        Assert.Equal(local1.H2cUrl + "/", environment["Gateway__Pools__local__Destinations__local-1"]);
        Assert.Equal("Http2", environment["Gateway__NodeProtocol"]);
        Assert.Equal(host.Cluster.Gateway!.AdminPort.ToString(System.Globalization.CultureInfo.InvariantCulture), environment["Gateway__AdminPort"]);
    }

    [Fact]
    public async Task Gateway_Environment_IsReadAtEachStart()
    {
        var pool = host.Cluster.FindPool("jwt")!;
        pool.Join("jwt-4");
        host.Cluster.LoadBalancing = "LeastRequests";
        try
        {
            var environment = await host.EnvironmentAsync("gateway");

            Assert.Contains("Gateway__Pools__jwt__Destinations__jwt-4", environment.Keys);
            Assert.Equal("LeastRequests", environment["Gateway__LoadBalancing"]);
        }
        finally
        {
            pool.Leave("jwt-4");
            host.Cluster.LoadBalancing = "RoundRobin";
        }
    }

    [Fact]
    public void WaitFor_RedisAndJwtNodes_WaitForTheStore()
    {
        Assert.All(host.Executables.Where(r => r.Name.StartsWith("redis-", StringComparison.Ordinal) || r.Name.StartsWith("jwt-", StringComparison.Ordinal)),
            r => Assert.Equal(["redis"], host.WaitsFor(r.Name)));
        Assert.All(host.Executables.Where(r => r.Name.StartsWith("local-", StringComparison.Ordinal) || r.Name.StartsWith("sticky-", StringComparison.Ordinal)),
            r => Assert.Empty(host.WaitsFor(r.Name)));
    }

    [Fact]
    public void WaitFor_Gateway_WaitsForTheInitialNodesNotTheSpares() =>
        Assert.Equal(InitialNodes.Order(), host.WaitsFor("gateway").Order());
}
