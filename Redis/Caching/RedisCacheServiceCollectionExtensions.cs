using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterSessions.Redis.Caching;

public static class RedisCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisCache"/> as the <see cref="IDistributedCache"/> (replacing any other, such as the
    /// memory cache), over the <see cref="IRedisClient"/> registered with <c>AddRedisClient</c>.
    /// </summary>
    public static IServiceCollection AddRedisDistributedCache(this IServiceCollection services, Action<RedisCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IDistributedCache>();
        services.AddSingleton<IDistributedCache, RedisCache>();
        return services;
    }
}
