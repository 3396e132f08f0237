using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Cluster;

public sealed class StoreInfoTests
{
    [Fact]
    public void ToString_ConnectionStringWithPassword_PasswordMasked()
    {
        var store = new StoreInfo("redis", "redis-server, AOF in /run/redis", "127.0.0.1:6390,password=hunter2-secret", RedisServerKind.RedisServer);

        var text = store.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:6390,password=*****", text, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1:6390,password=hunter2-secret", store.ConnectionString);
    }

    [Fact]
    public void ToString_NoConnectionStringYet_Prints()
    {
        var store = new StoreInfo("redis", "Aspire.Hosting.Redis container (AddRedis)", null, null);

        Assert.Contains("Name = redis", store.ToString(), StringComparison.Ordinal);
    }
}
