using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class CompareCommandTests
{
    [Theory]
    [InlineData]
    [InlineData("--Cluster:Strategies=local")]
    [InlineData("--Cluster:GatewayPort=9000", "--users", "5")]
    public void TryParse_NotCompare_PassesTheArgumentsThroughUntouchedWithTheDashboard(params string[] args)
    {
        var invocation = CompareCommand.TryParse(args, out var error);

        Assert.Null(error);
        Assert.Null(invocation.Options);
        Assert.Equal(args, invocation.ApplicationOptions.Args);
        Assert.False(invocation.ApplicationOptions.DisableDashboard);
    }

    [Fact]
    public void TryParse_CompareWithOptions_SplitsItsOwnOptionsAndKeepsTheRest()
    {
        var invocation = CompareCommand.TryParse(
            ["compare", "--out", "x/y", "--users", "5", "--requests", "20", "--scenario", "NodeKill", "--Cluster:Strategies=redis"],
            out var error);

        Assert.Null(error);
        var options = Assert.IsType<CompareOptions>(invocation.Options);
        Assert.Equal("x/y", options.OutputDirectory);
        Assert.Equal(5, options.Users);
        Assert.Equal(20, options.Requests);
        Assert.Equal(["nodeKill"], options.Scenarios);
        Assert.Equal("--Cluster:Strategies=redis", invocation.ApplicationOptions.Args![0]);
        Assert.DoesNotContain("--users", invocation.ApplicationOptions.Args);
    }

    [Fact]
    public void TryParse_Compare_OwnClusterOnFreePortsWithoutTheDashboard()
    {
        var invocation = CompareCommand.TryParse(["compare", "--Cluster:GatewayPort=8080"], out _);

        var args = invocation.ApplicationOptions.Args!;
        Assert.True(invocation.ApplicationOptions.DisableDashboard);
        // After the user's own: the last value of a key wins, so a compare never shares a running cluster's ports.
        Assert.Equal(
            ["--Cluster:GatewayPort=8080", "--Cluster:GatewayPort=0", "--Cluster:DashboardPort=0", "--Cluster:LabPort=0"],
            args.Take(4));
        Assert.Equal($"--Cluster:RunDirectory={invocation.Options!.RunDirectory}", args[^1]);
    }

    [Fact]
    public void TryParse_EachCompare_AFreshRunDirectoryUnderTemp()
    {
        var first = CompareCommand.TryParse(["compare"], out _).Options!.RunDirectory;
        var second = CompareCommand.TryParse(["compare"], out _).Options!.RunDirectory;

        Assert.NotEqual(first, second);
        Assert.All([first, second], directory =>
        {
            Assert.StartsWith(Path.GetTempPath(), directory, StringComparison.Ordinal);
            Assert.False(Directory.Exists(directory));
        });
    }

    [Fact]
    public void TryParse_ScenarioNodeKillUnderLoad_IsKnownInAnyCase()
    {
        var invocation = CompareCommand.TryParse(["compare", "--scenario", "nodekillunderload"], out var error);

        Assert.Null(error);
        Assert.Equal(["nodeKillUnderLoad"], invocation.Options!.Scenarios);
        // Right after the kill between requests: the same victims, the cluster whole again before the store outages.
        Assert.Equal("nodeKill", CompareRunner.ScenarioNames[CompareRunner.ScenarioNames.ToList().IndexOf("nodeKillUnderLoad") - 1]);
    }

    [Theory]
    [InlineData("--users", "0")]
    [InlineData("--users", "many")]
    [InlineData("--requests", "-5")]
    [InlineData("--requests", "10001")]
    [InlineData("--scenario", "meteor")]
    public void TryParse_BadValue_IsOneLineNamingTheOption(string option, string value)
    {
        var invocation = CompareCommand.TryParse(["compare", option, value], out var error);

        Assert.Null(invocation.Options);
        Assert.NotNull(error);
        Assert.StartsWith($"error: compare {option}", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void TryParse_OptionWithoutValue_IsAnError()
    {
        CompareCommand.TryParse(["compare", "--out"], out var error);

        Assert.Equal("error: compare --out needs a value", error);
    }

    [Fact]
    public void TryParse_SeveralScenarios_EachKnownInAnyCase()
    {
        var invocation = CompareCommand.TryParse(["compare", "--scenario", "steady, COST"], out var error);

        Assert.Null(error);
        Assert.Equal(["steady", "cost"], invocation.Options!.Scenarios);
    }

    [Fact]
    public void TryParse_OneUnknownScenarioInAList_OneLineNamingIt()
    {
        CompareCommand.TryParse(["compare", "--scenario", "steady,bogus"], out var error);

        Assert.StartsWith("error: compare --scenario: 'bogus' is not one of steady, ", error, StringComparison.Ordinal);
    }
}
