using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Redis.DataProtection;

public static class RedisDataProtectionBuilderExtensions
{
    /// <summary>Stores the key ring in the Redis list <paramref name="key"/> through the registered <see cref="IRedisClient"/>.</summary>
    public static IDataProtectionBuilder PersistKeysToRedis(this IDataProtectionBuilder builder, string key = RedisXmlRepository.DefaultKey) =>
        builder.PersistKeysToRedis(sp => sp.GetRequiredService<IRedisClient>(), key);

    /// <summary>Stores the key ring in the Redis list <paramref name="key"/> through the client <paramref name="client"/> returns.</summary>
    public static IDataProtectionBuilder PersistKeysToRedis(
        this IDataProtectionBuilder builder,
        Func<IServiceProvider, IRedisClient> client,
        string key = RedisXmlRepository.DefaultKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(key);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new RedisXmlRepository(client(sp), key)));
        return builder;
    }
}
