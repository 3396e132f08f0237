using ClusterSessions.AppHost.Redis.Provisioning;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ClusterSessions.AppHost.Redis;

/// <summary>
/// The Data Protection key ring every node of a pool shares through Redis. Nodes started together against an
/// empty list would each create a key of their own, and a node that loaded the list before another's key arrived
/// cannot read that node's cookies until its next refresh (a day later). Creating the key once, before any node
/// starts, gives them all the same one.
/// </summary>
internal static class SharedKeyRing
{
    /// <summary>The application name (Data Protection's isolation boundary) of every node that shares the ring.</summary>
    public const string ApplicationName = "ClusterSessions";

    /// <summary>The Redis list the nodes' <c>PersistKeysToStackExchangeRedis</c> reads and writes.</summary>
    public const string RedisKey = "DataProtection-Keys";

    /// <summary>Makes sure the ring in Redis holds a usable key, creating one when it is empty or expiring.</summary>
    public static void EnsureKey(string connectionString)
    {
        using var multiplexer = ConnectionMultiplexer.Connect(ProvisioningConnection.Options(connectionString));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToStackExchangeRedis(multiplexer, RedisKey);
        using var provider = services.BuildServiceProvider();
        // Protecting anything makes Data Protection load the ring and, if it has no default key, create and store one.
        provider.GetDataProtectionProvider().CreateProtector("ClusterSessions.SharedKeyRing").Protect("ready"u8.ToArray());
    }
}
