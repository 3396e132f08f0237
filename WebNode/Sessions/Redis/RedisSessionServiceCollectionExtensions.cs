using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace ClusterSessions.WebNode.Sessions.Redis;

internal static class RedisSessionServiceCollectionExtensions
{
    /// <summary>Data Protection's isolation boundary: every node that shares the key ring uses this name.</summary>
    public const string ApplicationName = "ClusterSessions";

    /// <summary>The Redis list that holds the shared key ring (the package's documented layout).</summary>
    public const string KeyRingKey = "DataProtection-Keys";

    /// <summary>Every key this pool writes starts with this (the cache's instance name).</summary>
    public const string KeyPrefix = "cs:";

    /// <summary>
    /// <c>redis</c>: login tickets, sessions and the per-user login index in Redis, and the Data Protection key ring
    /// shared through Redis, so a cookie made on any node is read on every node. <c>/health</c> includes Redis.
    /// </summary>
    public static WebApplicationBuilder AddRedisSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddSharedRedis("Session:Strategy=redis");
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            options.InstanceName = KeyPrefix;
            options.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });

        // PersistKeysToStackExchangeRedis wants the connection at registration time; the node's connection lives in DI
        // (dotnet/aspnetcore#61768), so its repository is set the way that extension sets it, from the DI connection.
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeyRingKey));

        services.AddSingleton<ILoginIndex, RedisLoginIndex>();
        services.AddServerSessions(builder.Configuration);
        return builder;
    }
}
