using ClusterSessions.Gateway.LoginThrottling;
using ClusterSessions.Gateway.Pools;

namespace ClusterSessions.Tests.Gateway.Pools;

public sealed class GatewayOptionsValidatorTests
{
    private readonly GatewayOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(null, new GatewayOptions()).Succeeded);

    [Fact]
    public void Validate_GoodPools_Succeed()
    {
        var options = new GatewayOptions
        {
            Pools =
            {
                ["local"] = Pool(("local-1", "http://127.0.0.1:5001/"), ("local-2", "https://node.example:443")),
                ["sticky"] = new PoolOptions { Affinity = true, LoadBalancing = "LeastRequests" },
            },
        };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("RoundRobin")]
    [InlineData("Random")]
    [InlineData("PowerOfTwoChoices")]
    [InlineData("LeastRequests")]
    [InlineData("FirstAlphabetical")]
    public void Validate_YarpPolicy_Succeeds(string policy) =>
        Assert.True(_validator.Validate(null, new GatewayOptions { LoadBalancing = policy }).Succeeded);

    [Theory]
    [InlineData("Http1")]
    [InlineData("Http2")]
    public void Validate_NodeProtocol_Succeeds(string protocol) =>
        Assert.True(_validator.Validate(null, new GatewayOptions { NodeProtocol = Enum.Parse<NodeProtocol>(protocol) }).Succeeded);

    [Fact]
    public void Validate_UndefinedNodeProtocol_FailsNamingGatewayNodeProtocolAndTheNames()
    {
        // The binder turns "3" into (NodeProtocol)3 without complaint; a name it does not know fails in the binder.
        var result = _validator.Validate(null, new GatewayOptions { NodeProtocol = (NodeProtocol)3 });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Gateway:NodeProtocol: '3'", failure, StringComparison.Ordinal);
        Assert.Contains("Http1, Http2", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fastest")]
    [InlineData("roundrobin")]
    [InlineData("")]
    public void Validate_UnknownPolicy_FailsNamingGatewayLoadBalancing(string policy)
    {
        var result = _validator.Validate(null, new GatewayOptions { LoadBalancing = policy });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Gateway:LoadBalancing:", failure, StringComparison.Ordinal);
        Assert.Contains("RoundRobin", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("127.0.0.1:5001")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/relative")]
    [InlineData("")]
    public void Validate_DestinationNotAnHttpUrl_FailsNamingThePoolAndNode(string address)
    {
        var result = _validator.Validate(null, new GatewayOptions { Pools = { ["local"] = Pool(("local-1", address)) } });

        Assert.StartsWith("Gateway:Pools:local:Destinations:local-1:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Local")]
    [InlineData("local_pool")]
    [InlineData("-local")]
    [InlineData("")]
    [InlineData("local/x")]
    public void Validate_BadPoolName_FailsNamingThePool(string name)
    {
        var result = _validator.Validate(null, new GatewayOptions { Pools = { [name] = new PoolOptions() } });

        Assert.StartsWith($"Gateway:Pools:{name}:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Local-1")]
    [InlineData("local 1")]
    [InlineData("")]
    public void Validate_BadNodeId_FailsNamingTheNode(string id)
    {
        var result = _validator.Validate(null, new GatewayOptions { Pools = { ["local"] = Pool((id, "http://127.0.0.1:5001/")) } });

        Assert.StartsWith($"Gateway:Pools:local:Destinations:{id}:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownPoolPolicy_FailsNamingThePoolsLoadBalancing()
    {
        var result = _validator.Validate(null, new GatewayOptions { Pools = { ["local"] = new PoolOptions { LoadBalancing = "Fastest" } } });

        Assert.StartsWith("Gateway:Pools:local:LoadBalancing:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_AdminPortOutOfRange_FailsNamingGatewayAdminPort(int port) =>
        Assert.StartsWith("Gateway:AdminPort:", Assert.Single(_validator.Validate(null, new GatewayOptions { AdminPort = port }).Failures!), StringComparison.Ordinal);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short-token")]
    public void Validate_AdminPortWithoutAGoodToken_FailsNamingGatewayAdminToken(string? token)
    {
        var result = _validator.Validate(null, new GatewayOptions { AdminPort = 5999, AdminToken = token });

        Assert.StartsWith("Gateway:AdminToken:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AdminPortWithAToken_Succeeds() =>
        Assert.True(_validator.Validate(null, new GatewayOptions { AdminPort = 5999, AdminToken = new string('t', 43) }).Succeeded);

    [Fact]
    public void Validate_NoAdminPort_NeedsNoToken() =>
        Assert.True(_validator.Validate(null, new GatewayOptions { AdminPort = 0, AdminToken = null }).Succeeded);

    [Theory]
    [InlineData(nameof(LoginRateLimitOptions.TokenLimit), 0)]
    [InlineData(nameof(LoginRateLimitOptions.TokensPerPeriod), 0)]
    [InlineData(nameof(LoginRateLimitOptions.ReplenishmentPeriod), 0)]
    [InlineData(nameof(LoginRateLimitOptions.PermitLimit), 0)]
    [InlineData(nameof(LoginRateLimitOptions.QueueLimit), -1)]
    public void Validate_LoginRateLimitOutOfRange_FailsNamingTheKey(string key, int value)
    {
        var limit = new LoginRateLimitOptions();
        switch (key)
        {
            case nameof(LoginRateLimitOptions.TokenLimit): limit.TokenLimit = value; break;
            case nameof(LoginRateLimitOptions.TokensPerPeriod): limit.TokensPerPeriod = value; break;
            case nameof(LoginRateLimitOptions.ReplenishmentPeriod): limit.ReplenishmentPeriod = TimeSpan.FromSeconds(value); break;
            case nameof(LoginRateLimitOptions.PermitLimit): limit.PermitLimit = value; break;
            default: limit.QueueLimit = value; break;
        }

        var result = _validator.Validate(null, new GatewayOptions { LoginRateLimit = limit });

        Assert.StartsWith($"Gateway:LoginRateLimit:{key}:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositiveHealthCheckTimes_FailNamingTheKeys()
    {
        var result = _validator.Validate(null, new GatewayOptions { HealthCheckInterval = TimeSpan.Zero });

        Assert.Contains("Gateway:HealthCheckInterval", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOne()
    {
        var options = new GatewayOptions
        {
            LoadBalancing = "Fastest",
            AdminPort = -1,
            Pools = { ["local"] = Pool(("local-1", "nope"), ("Local-2", "http://127.0.0.1:1/")) },
        };

        Assert.Equal(4, _validator.Validate(null, options).Failures!.Count());
    }

    [Fact]
    public void Validate_PoolNameWithTrailingNewline_FailsNamingThePool()
    {
        var result = _validator.Validate(null, new GatewayOptions { Pools = { ["local\n"] = new PoolOptions() } });

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_NodeIdWithTrailingNewline_FailsNamingTheNode()
    {
        var result = _validator.Validate(null, new GatewayOptions { Pools = { ["local"] = Pool(("local-1\n", "http://127.0.0.1:5001/")) } });

        Assert.True(result.Failed);
    }

    private static PoolOptions Pool(params (string Id, string Address)[] destinations) =>
        new() { Destinations = destinations.ToDictionary(d => d.Id, d => d.Address, StringComparer.Ordinal) };
}
