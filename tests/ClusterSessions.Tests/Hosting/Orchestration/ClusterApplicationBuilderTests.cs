using System.Globalization;
using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Tests.Hosting.Orchestration;

/// <summary>Configuration and topology only: nothing is started (ports are reserved numbers, no process runs).</summary>
public sealed class ClusterApplicationBuilderTests
{
    [Fact]
    public void Create_CommandLineStrategiesAndNodes_AreParsed()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:Strategies=local,sticky", "--Cluster:NodesPerStrategy=2"]);

        Assert.Equal(["local", "sticky"], builder.Strategies);
        Assert.Equal(2, builder.Options.NodesPerStrategy);
    }

    [Fact]
    public void Create_NoArguments_UsesTheDesignDefaults()
    {
        var builder = ClusterApplicationBuilder.Create([]);

        Assert.Equal(["local", "sticky", "redis", "jwt"], builder.Strategies);
        Assert.Equal(3, builder.Options.NodesPerStrategy);
        Assert.Equal("RoundRobin", builder.Options.LoadBalancing);
        Assert.Equal(8080, builder.Options.GatewayPort);
        Assert.Equal(18888, builder.Options.DashboardPort);
        Assert.Equal("Auto", builder.Options.Redis.Mode);
        Assert.Equal("DenyList", builder.Options.JwtRevocation);
    }

    [Fact]
    public void Create_NonNumericPort_ThrowsOneLineNamingTheKey()
    {
        var exception = Assert.Throws<ClusterConfigurationException>(() => ClusterApplicationBuilder.Create(["--Cluster:GatewayPort=abc"]));

        Assert.StartsWith("error: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:GatewayPort", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData("--Cluster:Strategies=local,memcached", "Cluster:Strategies: 'memcached'")]
    [InlineData("--Cluster:NodesPerStrategy=0", "Cluster:NodesPerStrategy: '0'")]
    [InlineData("--Cluster:NodesPerStrategy=17", "Cluster:NodesPerStrategy: '17'")]
    [InlineData("--Cluster:LoadBalancing=Fastest", "Cluster:LoadBalancing: 'Fastest'")]
    [InlineData("--Cluster:Redis:Mode=Docker", "Cluster:Redis:Mode: 'Docker'")]
    [InlineData("--Cluster:JwtRevocation=Sometimes", "Cluster:JwtRevocation: 'Sometimes'")]
    public void Create_InvalidValue_ThrowsNamingTheKey(string argument, string expected)
    {
        var exception = Assert.Throws<ClusterConfigurationException>(() => ClusterApplicationBuilder.Create([argument]));

        Assert.StartsWith("error: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNodePool_TwoNodesPerStrategy_NamesThemPoolDashNumberWithDistinctPorts()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:Strategies=local", "--Cluster:NodesPerStrategy=2"]);

        var pool = builder.AddNodePool("local").Pool;

        Assert.Equal("local", pool.Strategy);
        Assert.Equal("/local", pool.PathBase);
        Assert.Equal(["local-1", "local-2"], pool.Nodes.Select(n => n.Name));
        Assert.All(pool.Nodes, node =>
        {
            Assert.Equal(ResourceKind.Node, node.Kind);
            Assert.Equal("local", node.Pool);
            Assert.InRange(node.Port, 1, 65535);
            Assert.Equal($"http://127.0.0.1:{node.Port}", node.Url);
            Assert.Equal(ResourceState.NotStarted, node.State);
        });
        Assert.Equal(2, pool.Nodes.Select(n => n.Port).Distinct().Count());
    }

    [Fact]
    public void AddNodePool_Node_GetsItsIdentityAndParentThroughEnvironmentVariables()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:Strategies=sticky", "--Cluster:NodesPerStrategy=2"]);

        var node = builder.AddNodePool("sticky").Pool.Nodes[1];

        var environment = node.Environment.ToDictionary(e => e.Key, e => e.Value());
        Assert.Equal("sticky-2", environment["Node__Id"]);
        Assert.Equal("/sticky", environment["Node__PathBase"]);
        Assert.Equal("sticky", environment["Session__Strategy"]);
        Assert.Equal(node.Url, environment["ASPNETCORE_URLS"]);
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), environment["ParentProcess__Id"]);
    }

    [Fact]
    public void AddNodePool_Node_RunsTheBuiltWebNodeWithDotnet()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:NodesPerStrategy=1"]);

        var node = Assert.Single(builder.AddNodePool("local").Pool.Nodes);

        Assert.Equal("dotnet", node.Process!.FileName);
        var assembly = Assert.Single(node.Process.Arguments);
        Assert.EndsWith("ClusterSessions.WebNode.dll", assembly, StringComparison.Ordinal);
        Assert.True(File.Exists(assembly));
        Assert.Equal(Path.GetDirectoryName(assembly), node.Process.WorkingDirectory);
        Assert.False(node.Process.NeedsParentWatchdog);
    }

    [Fact]
    public void AddNodePool_TwoPools_PortsAreDistinctAcrossPools()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:NodesPerStrategy=3"]);

        var nodes = builder.AddNodePool("local").Pool.Nodes.Concat(builder.AddNodePool("sticky").Pool.Nodes).ToList();

        Assert.Equal(6, nodes.Select(n => n.Port).Distinct().Count());
        Assert.Equal(["local-1", "local-2", "local-3", "sticky-1", "sticky-2", "sticky-3"], nodes.Select(n => n.Name));
    }

    [Fact]
    public void AddNodePool_WithEnvironment_AppliesToEveryNode()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:NodesPerStrategy=2"]);

        var pool = builder.AddNodePool("local").WithEnvironment("Session__IdleTimeout", "00:05:00").Pool;

        Assert.All(pool.Nodes, n => Assert.Equal("00:05:00", n.Environment["Session__IdleTimeout"]()));
    }

    [Fact]
    public void AddGateway_WithPools_DependsOnEveryNodeAndGetsItsSettings()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:NodesPerStrategy=2", "--Cluster:GatewayPort=0", "--Cluster:LoadBalancing=LeastRequests"]);
        var local = builder.AddNodePool("local");
        var sticky = builder.AddNodePool("sticky");

        var gateway = builder.AddGateway().WithPools([local, sticky]).Resource.Resource;

        Assert.Equal("gateway", gateway.Name);
        Assert.Equal(ResourceKind.Gateway, gateway.Kind);
        Assert.Equal([.. local.Pool.Nodes, .. sticky.Pool.Nodes], gateway.Dependencies);
        var environment = gateway.Environment.ToDictionary(e => e.Key, e => e.Value());
        Assert.Equal("gateway", environment["Node__Id"]);
        Assert.Equal("LeastRequests", environment["Gateway__LoadBalancing"]);
        Assert.StartsWith(gateway.Url + ";http://127.0.0.1:", environment["ASPNETCORE_URLS"], StringComparison.Ordinal);
        Assert.EndsWith(":" + environment["Gateway__AdminPort"], environment["ASPNETCORE_URLS"], StringComparison.Ordinal);
        Assert.NotEqual(gateway.Port.ToString(CultureInfo.InvariantCulture), environment["Gateway__AdminPort"]);
        Assert.True(local.Pool.Affinity is false && sticky.Pool.Affinity);
    }

    [Fact]
    public async Task Build_Topology_ListsTheGatewayThenEveryNodeAndFindsThemByName()
    {
        var builder = ClusterApplicationBuilder.Create(["--Cluster:NodesPerStrategy=2", "--Cluster:GatewayPort=0"]);
        var pools = new[] { builder.AddNodePool("local"), builder.AddNodePool("sticky") };
        builder.AddGateway("gateway").WithPools(pools);

        await using var app = builder.Build();

        Assert.Equal(["gateway", "local-1", "local-2", "sticky-1", "sticky-2"], app.Resources.Select(r => r.Name));
        Assert.Same(app.Resources[1], app.FindResource("local-1"));
        Assert.Null(app.FindResource("local-3"));
        Assert.Equal(new Uri(app.Resources[0].Url), app.GatewayUrl);
        Assert.Null(app.DashboardUrl);
    }
}
