using ClusterSessions.AppHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace ClusterSessions.Tests.AppHost.Configuration;

/// <summary><c>Cluster:*</c> as the AppHost reads it: command-line style keys in, one line per bad value out.</summary>
public sealed class ClusterConfigurationTests
{
    [Fact]
    public void Read_NoValues_TheDesignDefaults()
    {
        var failures = ClusterConfiguration.Read(Configuration(), out var options);

        Assert.Empty(failures);
        Assert.Equal(["local", "sticky", "redis", "jwt"], options.StrategyList);
        Assert.Equal(3, options.NodesPerStrategy);
        Assert.Equal(2, options.SpareNodesPerStrategy);
        Assert.Equal("RoundRobin", options.LoadBalancing);
        Assert.Equal(8080, options.GatewayPort);
        Assert.Equal(18888, options.DashboardPort);
        Assert.Equal(18890, options.LabPort);
        Assert.Equal(RedisMode.Auto, options.Redis.Mode);
        Assert.Equal(JwtRevocation.DenyList, options.JwtRevocation);
        Assert.Equal(SessionStoreDown.Fail, options.SessionStoreDown);
        Assert.Equal(NodeProtocol.Http2, options.NodeProtocol);
        Assert.Equal(".run", options.RunDirectory);
        Assert.True(options.NeedsRedis);
    }

    [Fact]
    public void Read_Values_AreBoundCaseInsensitivelyForEnums()
    {
        var failures = ClusterConfiguration.Read(
            Configuration(
                ("Strategies", "local,jwt"),
                ("NodesPerStrategy", "2"),
                ("SpareNodesPerStrategy", "0"),
                ("LabPort", "0"),
                ("Redis:Mode", "garnet"),
                ("JwtRevocation", "None"),
                ("SessionStoreDown", "silent"),
                ("NodeProtocol", "http1")),
            out var options);

        Assert.Empty(failures);
        Assert.Equal(["local", "jwt"], options.StrategyList);
        Assert.Equal(2, options.NodesPerStrategy);
        Assert.Equal(0, options.SpareNodesPerStrategy);
        Assert.Equal(0, options.LabPort);
        Assert.Equal(RedisMode.Garnet, options.Redis.Mode);
        Assert.Equal(JwtRevocation.None, options.JwtRevocation);
        Assert.Equal(SessionStoreDown.Silent, options.SessionStoreDown);
        Assert.Equal(NodeProtocol.Http1, options.NodeProtocol);
        Assert.False(options.NeedsRedis);
    }

    [Theory]
    [InlineData("Redis:Mode", "Docker", "Cluster:Redis:Mode: 'Docker' is not one of Auto, Garnet, RedisServer, Container, External")]
    [InlineData("Redis:Mode", "2", "Cluster:Redis:Mode: '2' is not one of Auto, Garnet, RedisServer, Container, External")]
    [InlineData("JwtRevocation", "Sometimes", "Cluster:JwtRevocation: 'Sometimes' is not one of DenyList, None")]
    [InlineData("SessionStoreDown", "Retry", "Cluster:SessionStoreDown: 'Retry' is not one of Fail, Silent")]
    [InlineData("NodeProtocol", "Http3", "Cluster:NodeProtocol: 'Http3' is not one of Http1, Http2")]
    [InlineData("JwtTokenCache", "yes", "Cluster:JwtTokenCache: 'yes' is not true or false")]
    public void Read_BadEnumValue_OneLineNamingTheKeyAndTheAllowedValues(string key, string value, string expected)
    {
        var failures = ClusterConfiguration.Read(Configuration((key, value)), out _);

        var failure = Assert.Single(failures);
        Assert.Equal(expected, failure);
        Assert.DoesNotContain("ClusterSessions", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralBadEnumValues_OneLineEach()
    {
        var failures = ClusterConfiguration.Read(Configuration(("Redis:Mode", "x"), ("JwtRevocation", "y")), out _);

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Cluster:Redis:Mode: 'x'", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Cluster:JwtRevocation: 'y'", failures[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NodesPerStrategy", "three")]
    [InlineData("GatewayPort", "abc")]
    [InlineData("LabPort", "99999999999")]
    public void Read_NotAWholeNumber_OneLineNamingTheKey(string key, string value)
    {
        var failures = ClusterConfiguration.Read(Configuration((key, value)), out _);

        var failure = Assert.Single(failures);
        Assert.Equal($"Cluster:{key}: '{value}' is not a whole number", failure);
        Assert.DoesNotContain('\n', failure);
    }

    [Theory]
    [InlineData("Strategies", "local,memcached", "Cluster:Strategies: 'memcached'")]
    [InlineData("NodesPerStrategy", "17", "Cluster:NodesPerStrategy: '17'")]
    [InlineData("LoadBalancing", "Fastest", "Cluster:LoadBalancing: 'Fastest'")]
    [InlineData("SpareNodesPerStrategy", "9", "Cluster:SpareNodesPerStrategy: '9'")]
    public void Read_ValueTheValidatorRefuses_ItsLine(string key, string value, string expected)
    {
        var failures = ClusterConfiguration.Read(Configuration((key, value)), out _);

        Assert.StartsWith(expected, Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CommandLineArguments_AreTheClusterSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--Cluster:Strategies=sticky", "--Cluster:GatewayPort=0"])
            .Build();

        var failures = ClusterConfiguration.Read(configuration, out var options);

        Assert.Empty(failures);
        Assert.Equal(["sticky"], options.StrategyList);
        Assert.Equal(0, options.GatewayPort);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Cluster:{v.Key}", v.Value)))
            .Build();
}
