using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClusterSessions.WebNode.Sessions.Redis;

/// <summary>
/// The node's one <see cref="IConnectionMultiplexer"/> (Aspire.StackExchange.Redis's <c>AddRedisClient</c>: health
/// check and tracing included), from <c>ConnectionStrings:redis</c>. Shared by the session cache, the key ring, the
/// login index and the token deny-list.
/// </summary>
internal static class RedisConnection
{
    public const string ConnectionName = "redis";

    public static WebApplicationBuilder AddSharedRedis(this WebApplicationBuilder builder, string neededBy)
    {
        builder.Services.AddSingleton<IValidateOptions<SessionStrategyOptions>>(new RedisConnectionStringValidator(builder.Configuration, neededBy));
        builder.AddRedisClient(ConnectionName, configureOptions: options =>
        {
            options.Defaults = new RedisConnectionDefaults();
            // Not connection-string options: while disconnected, fail each command at once instead of holding it in a
            // backlog until reconnected, and try to reconnect every half second.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ReconnectRetryPolicy = new LinearRetry(500);
        });
        return builder;
    }

    /// <summary>Whether <c>ConnectionStrings:redis</c> names at least one endpoint StackExchange.Redis can parse.</summary>
    public static bool TryValidate(string? connectionString, out string? error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "required (host:port[,password=...])";
            return false;
        }

        try
        {
            error = ConfigurationOptions.Parse(connectionString).EndPoints.Count == 0 ? "names no endpoint (host:port[,password=...])" : null;
        }
        catch (ArgumentException)
        {
            // The parser's message can echo a password: say only that it failed.
            error = "is not a StackExchange.Redis connection string (host:port[,password=...])";
        }

        return error is null;
    }
}
