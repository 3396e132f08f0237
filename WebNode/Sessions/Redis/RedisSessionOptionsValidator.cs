using ClusterSessions.Redis;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Redis;

internal sealed class RedisSessionOptionsValidator : IValidateOptions<RedisSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisSessionOptions options) =>
        TryParse(options.ConnectionString, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ConnectionStrings:{RedisSessionOptions.ConnectionStringName}: {error}");

    public static bool TryParse(string? connectionString, out string? error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "required by Session:Strategy=redis (host:port[,password=...])";
            return false;
        }

        return RedisConnectionOptions.TryParse(connectionString, out error);
    }
}
