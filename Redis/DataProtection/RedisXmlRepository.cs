using System.Xml.Linq;
using ClusterSessions.Redis.Commands;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ClusterSessions.Redis.DataProtection;

/// <summary>
/// Keeps the Data Protection key ring in a Redis list (one XML element per entry), the layout of
/// Microsoft.AspNetCore.DataProtection.StackExchangeRedis, so every node shares one key ring.
/// <see cref="IXmlRepository"/> is synchronous; the key manager calls it rarely (startup, key rotation, cache
/// expiry), so blocking on the async client there is acceptable, as it is in the StackExchange.Redis version.
/// </summary>
public sealed class RedisXmlRepository : IXmlRepository
{
    public const string DefaultKey = "DataProtection-Keys";

    private readonly IRedisClient _client;
    private readonly string _key;

    public RedisXmlRepository(IRedisClient client, string key = DefaultKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(key);
        _client = client;
        _key = key;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var entries = _client.LRangeAsync(_key, 0, -1).GetAwaiter().GetResult();
        return [.. entries.Select(entry => XElement.Parse(entry))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _client.RPushAsync(_key, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
