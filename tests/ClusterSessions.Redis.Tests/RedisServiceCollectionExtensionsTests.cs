using ClusterSessions.Redis.Caching;
using ClusterSessions.Redis.DataProtection;
using ClusterSessions.Redis.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Redis.Tests;

public sealed class RedisServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRedisClient_ConnectionString_RegistersOneSharedClient()
    {
        await using var provider = new ServiceCollection()
            .AddRedisClient("cache:6380,database=2")
            .BuildServiceProvider();

        var client = provider.GetRequiredService<IRedisClient>();

        Assert.Same(client, provider.GetRequiredService<IRedisClient>());
        Assert.Same(client, provider.GetRequiredService<RedisClient>());
        Assert.Equal("cache:6380", client.EndPoint);
    }

    [Fact]
    public void AddRedisClient_BadConnectionString_FailsAtRegistrationNamingThePart()
    {
        var error = Assert.Throws<FormatException>(() => new ServiceCollection().AddRedisClient("cache:6380,database=x"));

        Assert.Contains("'database=x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRedisClient_InvalidOptions_FailValidation()
    {
        await using var provider = new ServiceCollection()
            .AddRedisClient(o => o.CommandTimeout = TimeSpan.Zero)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisConnectionOptions>>().Value);

        Assert.Contains("CommandTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRedisDistributedCache_ReplacesOtherCaches()
    {
        await using var provider = new ServiceCollection()
            .AddDistributedMemoryCache()
            .AddRedisClient("localhost:6379")
            .AddRedisDistributedCache(o => o.InstanceName = "x:")
            .BuildServiceProvider();

        Assert.IsType<RedisCache>(provider.GetRequiredService<IDistributedCache>());
    }

    [Fact]
    public async Task PersistKeysToRedis_SetsTheXmlRepository()
    {
        var services = new ServiceCollection().AddRedisClient("localhost:6379");
        services.AddDataProtection().PersistKeysToRedis();
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KeyManagementOptions>>().Value;

        Assert.IsType<RedisXmlRepository>(options.XmlRepository);
    }

    [Fact]
    public async Task AddRedisHealthCheck_RegistersNamedCheck()
    {
        var services = new ServiceCollection().AddRedisClient("localhost:6379");
        services.AddHealthChecks().AddRedisHealthCheck(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);

        Assert.Equal("redis", registration.Name);
        Assert.Contains("ready", registration.Tags);
        Assert.IsType<RedisHealthCheck>(registration.Factory(provider));
    }
}
