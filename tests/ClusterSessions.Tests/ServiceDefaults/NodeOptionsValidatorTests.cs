using ClusterSessions.ServiceDefaults;

namespace ClusterSessions.Tests.ServiceDefaults;

public sealed class NodeOptionsValidatorTests
{
    private readonly NodeOptionsValidator _validator = new();

    [Theory]
    [InlineData("local-1", "/local")]
    [InlineData("gateway", "")]
    [InlineData("redis-16", "/redis")]
    [InlineData("0", "/a_B-9")]
    public void Validate_GoodIdAndPathBase_Succeeds(string id, string pathBase) =>
        Assert.True(_validator.Validate(null, new NodeOptions { Id = id, PathBase = pathBase }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("Local-1")]
    [InlineData("local_1")]
    [InlineData("-local")]
    [InlineData("local 1")]
    public void Validate_BadId_FailsNamingNodeId(string id)
    {
        var result = _validator.Validate(null, new NodeOptions { Id = id });

        Assert.True(result.Failed);
        Assert.StartsWith("Node:Id:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdOf64Characters_SucceedsAnd65Fails()
    {
        Assert.True(_validator.Validate(null, new NodeOptions { Id = new string('a', 64) }).Succeeded);
        Assert.True(_validator.Validate(null, new NodeOptions { Id = new string('a', 65) }).Failed);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("/")]
    [InlineData("/local/")]
    [InlineData("/a/b")]
    [InlineData("/lo cal")]
    public void Validate_BadPathBase_FailsNamingNodePathBase(string pathBase)
    {
        var result = _validator.Validate(null, new NodeOptions { Id = "local-1", PathBase = pathBase });

        Assert.True(result.Failed);
        Assert.StartsWith("Node:PathBase:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdWithTrailingNewline_FailsNamingNodeId()
    {
        var result = _validator.Validate(null, new NodeOptions { Id = "local-1\n" });

        Assert.True(result.Failed);
        Assert.StartsWith("Node:Id:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PathBaseWithTrailingNewline_FailsNamingNodePathBase()
    {
        var result = _validator.Validate(null, new NodeOptions { Id = "local-1", PathBase = "/local\n" });

        Assert.True(result.Failed);
        Assert.StartsWith("Node:PathBase:", result.FailureMessage, StringComparison.Ordinal);
    }
}
