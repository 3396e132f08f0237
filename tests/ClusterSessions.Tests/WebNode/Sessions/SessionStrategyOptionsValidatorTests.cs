using ClusterSessions.WebNode.Sessions;

namespace ClusterSessions.Tests.WebNode.Sessions;

public sealed class SessionStrategyOptionsValidatorTests
{
    private readonly SessionStrategyOptionsValidator _validator = new();

    [Theory]
    [InlineData("local")]
    [InlineData("sticky")]
    [InlineData("redis")]
    [InlineData("jwt")]
    public void Validate_KnownStrategy_Succeeds(string strategy) =>
        Assert.True(_validator.Validate(null, new SessionStrategyOptions { Strategy = strategy }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("Local")]
    [InlineData("memcached")]
    [InlineData(" local")]
    public void Validate_UnknownStrategy_FailsNamingTheKeyAndAllowedValues(string strategy)
    {
        var result = _validator.Validate(null, new SessionStrategyOptions { Strategy = strategy });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Session:Strategy:", failure, StringComparison.Ordinal);
        Assert.Contains("local, sticky, redis, jwt", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(60 * 60 * 24 + 1)]
    public void Validate_IdleTimeoutOutOfRange_FailsNamingTheKey(int seconds)
    {
        var result = _validator.Validate(null, new SessionStrategyOptions { Strategy = "local", IdleTimeout = TimeSpan.FromSeconds(seconds) });

        Assert.StartsWith("Session:IdleTimeout:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("my cookie")]
    [InlineData("a;b")]
    [InlineData("a=b")]
    public void Validate_BadCookieName_FailsNamingTheKey(string cookieName)
    {
        var result = _validator.Validate(null, new SessionStrategyOptions { Strategy = "local", CookieName = cookieName });

        Assert.StartsWith("Session:CookieName:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEachOne()
    {
        var result = _validator.Validate(null, new SessionStrategyOptions { Strategy = "x", IdleTimeout = TimeSpan.Zero, CookieName = "" });

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Defaults_WithAStrategy_AreValid()
    {
        var options = new SessionStrategyOptions { Strategy = "local" };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal("cs_session", options.CookieName);
        Assert.Equal(TimeSpan.FromMinutes(20), options.IdleTimeout);
    }
}
