using ClusterSessions.Hosting.Compare;

namespace ClusterSessions.Tests.Hosting.Compare;

public sealed class CompareCommandTests
{
    [Fact]
    public void Parse_NotCompare_LeavesTheArgumentsAlone()
    {
        var (options, rest, error) = CompareCommand.Parse(["--Cluster:Strategies=local"]);
        Assert.Null(options);
        Assert.Null(error);
        Assert.Equal(["--Cluster:Strategies=local"], rest);
    }

    [Fact]
    public void Parse_CompareWithOptions_SplitsItsOwnOptionsAndUsesFreePorts()
    {
        var (options, rest, error) = CompareCommand.Parse(
            ["compare", "--out", "x/y", "--users", "5", "--requests", "20", "--scenario", "NodeKill", "--Cluster:Strategies=redis"]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal("x/y", options.OutputDirectory);
        Assert.Equal(5, options.Users);
        Assert.Equal(20, options.Requests);
        Assert.Equal("nodeKill", options.Scenario);
        Assert.Equal(["--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", "--Cluster:Strategies=redis"], rest);
    }

    [Theory]
    [InlineData("--users", "0")]
    [InlineData("--users", "many")]
    [InlineData("--requests", "-5")]
    [InlineData("--scenario", "meteor")]
    public void Parse_BadValue_IsOneLineNamingTheOption(string option, string value)
    {
        var (options, _, error) = CompareCommand.Parse(["compare", option, value]);
        Assert.Null(options);
        Assert.NotNull(error);
        Assert.StartsWith($"error: compare {option}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionWithoutValue_IsAnError()
    {
        var (_, _, error) = CompareCommand.Parse(["compare", "--out"]);
        Assert.Equal("error: compare --out needs a value", error);
    }
}
