using ClusterSessions.AppHost.Configuration;

namespace ClusterSessions.Tests.AppHost.Configuration;

public sealed class ClusterOptionsValidatorTests
{
    private readonly ClusterOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(null, new ClusterOptions()).Succeeded);

    [Theory]
    [InlineData("local")]
    [InlineData("local,sticky")]
    [InlineData(" redis , jwt ")]
    [InlineData("local,sticky,redis,jwt")]
    public void Validate_KnownStrategies_Succeed(string strategies) =>
        Assert.True(_validator.Validate(null, new ClusterOptions { Strategies = strategies }).Succeeded);

    [Theory]
    [InlineData("local,memcached", "'memcached' is not one of local, sticky, redis, jwt")]
    [InlineData("Local", "'Local' is not one of")]
    [InlineData("", "empty")]
    [InlineData(" , ", "empty")]
    [InlineData("local,sticky,local", "names a strategy twice")]
    public void Validate_BadStrategies_FailsNamingClusterStrategies(string strategies, string reason) =>
        AssertSingleFailure(new ClusterOptions { Strategies = strategies }, "Cluster:Strategies", reason);

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-1)]
    public void Validate_NodesPerStrategyOutOfRange_FailsNamingTheKey(int nodes) =>
        AssertSingleFailure(new ClusterOptions { NodesPerStrategy = nodes }, "Cluster:NodesPerStrategy", "between 1 and 16");

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public void Validate_NodesPerStrategyAtTheBounds_Succeeds(int nodes) =>
        Assert.True(_validator.Validate(null, new ClusterOptions { NodesPerStrategy = nodes }).Succeeded);

    [Theory]
    [InlineData("Fastest")]
    [InlineData("roundrobin")]
    public void Validate_UnknownLoadBalancing_FailsNamingTheKeyAndPolicies(string policy) =>
        AssertSingleFailure(new ClusterOptions { LoadBalancing = policy }, "Cluster:LoadBalancing", "RoundRobin, Random, PowerOfTwoChoices, LeastRequests, FirstAlphabetical");

    [Theory]
    [InlineData(42)]
    [InlineData(-1)]
    public void Validate_UndefinedRedisMode_FailsNamingTheKeyAndModes(int mode) =>
        AssertSingleFailure(new ClusterOptions { Redis = new RedisOptions { Mode = (RedisMode)mode } }, "Cluster:Redis:Mode", "Auto, Garnet, RedisServer, Container, External");

    [Theory]
    [InlineData(nameof(RedisMode.Auto))]
    [InlineData(nameof(RedisMode.Garnet))]
    [InlineData(nameof(RedisMode.Container))]
    public void Validate_RedisModeNeedingNothingElse_Succeeds(string mode) =>
        Assert.True(_validator.Validate(null, new ClusterOptions { Redis = new RedisOptions { Mode = Enum.Parse<RedisMode>(mode) } }).Succeeded);

    [Fact]
    public void Validate_ExternalRedisWithoutConnectionString_FailsNamingTheConnectionString() =>
        AssertSingleFailure(
            new ClusterOptions { Redis = new RedisOptions { Mode = RedisMode.External, ConnectionString = " " } },
            "Cluster:Redis:ConnectionString",
            "required when Cluster:Redis:Mode is External");

    [Fact]
    public void Validate_ExternalRedisWithConnectionString_Succeeds() =>
        Assert.True(_validator.Validate(null, new ClusterOptions { Redis = new RedisOptions { Mode = RedisMode.External, ConnectionString = "127.0.0.1:6379" } }).Succeeded);

    [Fact]
    public void Validate_ExternalRedisWithBadConnectionString_FailsWithoutEchoingIt()
    {
        var result = _validator.Validate(null, new ClusterOptions { Redis = new RedisOptions { Mode = RedisMode.External, ConnectionString = "secret-host:6379,nonsense=1" } });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Cluster:Redis:ConnectionString:", failure, StringComparison.Ordinal);
        Assert.Contains("expected host:port", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-host", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedJwtRevocation_FailsNamingTheKey() =>
        AssertSingleFailure(new ClusterOptions { JwtRevocation = (JwtRevocation)7 }, "Cluster:JwtRevocation", "DenyList, None");

    [Fact]
    public void Validate_UndefinedNodeProtocol_FailsNamingTheKey() =>
        AssertSingleFailure(new ClusterOptions { NodeProtocol = (NodeProtocol)7 }, "Cluster:NodeProtocol", "Http1, Http2");

    [Fact]
    public void Validate_UndefinedSessionStoreDown_FailsNamingTheKey() =>
        AssertSingleFailure(new ClusterOptions { SessionStoreDown = (SessionStoreDown)7 }, "Cluster:SessionStoreDown", "Fail, Silent");

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Validate_SpareNodesPerStrategyOutOfRange_FailsNamingTheKey(int spares) =>
        AssertSingleFailure(new ClusterOptions { SpareNodesPerStrategy = spares }, "Cluster:SpareNodesPerStrategy", "between 0 and 8");

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Validate_SpareNodesPerStrategyAtTheBounds_Succeeds(int spares) =>
        Assert.True(_validator.Validate(null, new ClusterOptions { SpareNodesPerStrategy = spares }).Succeeded);

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_GatewayPortOutOfRange_FailsNamingTheKey(int port) =>
        AssertSingleFailure(new ClusterOptions { GatewayPort = port }, "Cluster:GatewayPort", "0 (a free port) or 1-65535");

    [Theory]
    [InlineData(-1)]
    [InlineData(70000)]
    public void Validate_DashboardPortOutOfRange_FailsNamingTheKey(int port) =>
        AssertSingleFailure(new ClusterOptions { DashboardPort = port }, "Cluster:DashboardPort", "0 (a free port) or 1-65535");

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_LabPortOutOfRange_FailsNamingTheKey(int port) =>
        AssertSingleFailure(new ClusterOptions { LabPort = port }, "Cluster:LabPort", "0 (a free port) or 1-65535");

    [Fact]
    public void Validate_SameGatewayAndDashboardPort_FailsNamingBothKeys() =>
        AssertSingleFailure(new ClusterOptions { GatewayPort = 9000, DashboardPort = 9000 }, "Cluster:DashboardPort", "'9000' is also Cluster:GatewayPort");

    [Fact]
    public void Validate_SameGatewayAndLabPort_FailsNamingBothKeys() =>
        AssertSingleFailure(new ClusterOptions { GatewayPort = 9000, LabPort = 9000 }, "Cluster:LabPort", "'9000' is also Cluster:GatewayPort");

    [Fact]
    public void Validate_SameDashboardAndLabPort_FailsNamingBothKeys() =>
        AssertSingleFailure(new ClusterOptions { DashboardPort = 9000, LabPort = 9000 }, "Cluster:LabPort", "'9000' is also Cluster:DashboardPort");

    [Fact]
    public void Validate_AllPortsZero_SucceedsBecauseEachGetsItsOwnFreePort() =>
        Assert.True(_validator.Validate(null, new ClusterOptions { GatewayPort = 0, DashboardPort = 0, LabPort = 0 }).Succeeded);

    [Fact]
    public void Validate_EmptyRunDirectory_FailsNamingTheKey() =>
        AssertSingleFailure(new ClusterOptions { RunDirectory = "" }, "Cluster:RunDirectory", "must not be empty");

    [Fact]
    public void Validate_SeveralBadValues_ReportsEachKey()
    {
        var result = _validator.Validate(null, new ClusterOptions { Strategies = "x", NodesPerStrategy = 0, LoadBalancing = "y", JwtRevocation = (JwtRevocation)9, LabPort = -1 });

        Assert.Equal(
            ["Cluster:Strategies", "Cluster:NodesPerStrategy", "Cluster:LoadBalancing", "Cluster:JwtRevocation", "Cluster:LabPort"],
            result.Failures!.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    private void AssertSingleFailure(ClusterOptions options, string key, string reason)
    {
        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + ":", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }
}
