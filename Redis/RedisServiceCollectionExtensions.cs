using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="IRedisClient"/> (and <see cref="RedisClient"/>) for the endpoint in
    /// <paramref name="connectionString"/>. The string is parsed here, so a bad one fails at startup with a
    /// <see cref="FormatException"/> that names the bad part.
    /// </summary>
    public static IServiceCollection AddRedisClient(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        var parsed = RedisConnectionOptions.Parse(connectionString);
        return services.AddRedisClient(parsed.CopyTo);
    }

    /// <summary>Registers the shared client from options set in code (validated at startup).</summary>
    public static IServiceCollection AddRedisClient(this IServiceCollection services, Action<RedisConnectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisConnectionOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisConnectionOptions>, RedisConnectionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RedisClient(
            sp.GetRequiredService<IOptions<RedisConnectionOptions>>().Value,
            sp.GetService<ILogger<RedisClient>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IRedisClient>(sp => sp.GetRequiredService<RedisClient>());
        return services;
    }
}
