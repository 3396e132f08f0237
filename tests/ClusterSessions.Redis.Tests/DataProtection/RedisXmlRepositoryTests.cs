using System.Xml.Linq;
using ClusterSessions.Redis.DataProtection;
using ClusterSessions.Redis.Tests.TestDoubles;

namespace ClusterSessions.Redis.Tests.DataProtection;

public sealed class RedisXmlRepositoryTests
{
    [Fact]
    public void StoreElement_ThenGetAllElements_ReturnsElementsInOrder()
    {
        var redis = new InMemoryRedisClient(TimeProvider.System);
        var repository = new RedisXmlRepository(redis);

        repository.StoreElement(new XElement("key", new XAttribute("id", "1"), new XElement("value", "a")), "key-1");
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");

        Assert.Equal(["1", "2"], repository.GetAllElements().Select(e => (string?)e.Attribute("id")));
        Assert.Equal("RPUSH DataProtection-Keys <key id=\"1\"><value>a</value></key>", string.Join(' ', redis.Commands[0]));
    }

    [Fact]
    public void GetAllElements_EmptyList_ReturnsNothing()
    {
        Assert.Empty(new RedisXmlRepository(new InMemoryRedisClient(TimeProvider.System), "custom").GetAllElements());
    }
}
