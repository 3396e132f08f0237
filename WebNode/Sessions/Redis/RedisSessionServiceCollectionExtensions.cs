using ClusterSessions.Redis;
using ClusterSessions.Redis.DataProtection;
using ClusterSessions.Redis.Health;
using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Redis;

internal static class RedisSessionServiceCollectionExtensions
{
    /// <summary>
    /// <c>redis</c>: sessions, the per-user index and the Data Protection key ring all in Redis, so a cookie
    /// minted on any node is read on every node. <c>/health</c> includes Redis.
    /// </summary>
    public static IServiceCollection AddRedisSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(RedisSessionOptions.ConnectionStringName);
        services.AddOptions<RedisSessionOptions>()
            .Configure(o => o.ConnectionString = connectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisSessionOptions>, RedisSessionOptionsValidator>();
        if (!RedisSessionOptionsValidator.TryParse(connectionString, out _))
        {
            // Startup validation reports the bad connection string, naming the key, before anything runs.
            return services;
        }

        services.AddRedisClient(connectionString!);
        services.AddDataProtection()
            .SetApplicationName(SharedKeyRing.ApplicationName)
            .PersistKeysToRedis();
        services.AddHealthChecks().AddRedisHealthCheck(timeout: TimeSpan.FromSeconds(1));
        services.AddSingleton<ISessionStore, RedisSessionStore>();
        return services.AddServerSessions();
    }
}
