namespace ClusterSessions.Redis.Tests;

public sealed class RedisConnectionOptionsValidatorTests
{
    private readonly RedisConnectionOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new RedisConnectionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEachProperty()
    {
        var options = new RedisConnectionOptions
        {
            Host = " ",
            Port = 70000,
            Database = 20,
            User = "u",
            CommandTimeout = TimeSpan.Zero,
            ReconnectMinDelay = TimeSpan.FromSeconds(2),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            MaxBulkLength = 0,
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        foreach (var name in new[] { "Host", "Port", "Database", "User requires Password", "CommandTimeout", "ReconnectMaxDelay", "MaxBulkLength" })
        {
            Assert.Contains(name, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RedisClient_InvalidOptions_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisClient(new RedisConnectionOptions { Port = 0 }));

        Assert.Contains("Port must be 1-65535", error.Message, StringComparison.Ordinal);
    }
}
