using ClusterSessions.WebNode.Sessions;

namespace ClusterSessions.Tests.WebNode.Sessions;

public sealed class SessionStrategyOptionsValidatorTests
{
    private readonly SessionStrategyOptionsValidator _validator = new();

    [Theory]
    [InlineData("Local")]
    [InlineData("Sticky")]
    [InlineData("Redis")]
    [InlineData("Jwt")]
    public void Validate_KnownStrategy_Succeeds(string strategy) =>
        Assert.True(_validator.Validate(null, new SessionStrategyOptions { Strategy = Enum.Parse<SessionStrategy>(strategy) }).Succeeded);

    [Fact]
    public void Validate_NoStrategy_FailsNamingTheKeyAndAllowedValues()
    {
        var result = _validator.Validate(null, new SessionStrategyOptions());

        var failure = Assert.Single(result.Failures!);
        Assert.Equal("Session:Strategy: required, one of local, sticky, redis, jwt", failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(60 * 60 * 24 + 1)]
    public void Validate_IdleTimeoutOutOfRange_FailsNamingTheKey(int seconds)
    {
        var result = _validator.Validate(null, new SessionStrategyOptions { Strategy = SessionStrategy.Local, IdleTimeout = TimeSpan.FromSeconds(seconds) });

        Assert.StartsWith("Session:IdleTimeout:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEachOne()
    {
        var result = _validator.Validate(null, new SessionStrategyOptions { IdleTimeout = TimeSpan.Zero });

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void Defaults_WithAStrategy_AreValidAndFailOnStoreOutage()
    {
        var options = new SessionStrategyOptions { Strategy = SessionStrategy.Local };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(20), options.IdleTimeout);
        Assert.Equal(SessionStoreDown.Fail, options.StoreDown);
    }
}
