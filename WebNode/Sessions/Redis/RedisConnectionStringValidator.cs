using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Redis;

/// <summary>A missing or bad <c>ConnectionStrings:redis</c> is one startup line naming the key, before anything connects.</summary>
internal sealed class RedisConnectionStringValidator(IConfiguration configuration, string neededBy) : IValidateOptions<SessionStrategyOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionStrategyOptions options) =>
        RedisConnection.TryValidate(configuration.GetConnectionString(RedisConnection.ConnectionName), out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ConnectionStrings:{RedisConnection.ConnectionName}: {error} (needed by {neededBy})");
}
