using System.Net;
using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

public sealed class ProvisioningConnectionTests
{
    [Fact]
    public void Options_ConnectionStringWithShortTimeouts_KeepsWhereAndWhoButWaitsTenSeconds()
    {
        var options = ProvisioningConnection.Options("127.0.0.1:6390,password=s3cret,defaultDatabase=2,connectTimeout=500,syncTimeout=500,asyncTimeout=500");

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6390), Assert.Single(options.EndPoints));
        Assert.Equal("s3cret", options.Password);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.Equal(10_000, options.ConnectTimeout);
        Assert.Equal(10_000, options.SyncTimeout);
        Assert.Equal(10_000, options.AsyncTimeout);
    }

    [Fact]
    public void Options_AnyConnectionString_KeepsRetryingInsteadOfFailingTheFirstConnect() =>
        Assert.False(ProvisioningConnection.Options("127.0.0.1:6390,abortConnect=true").AbortOnConnectFail);

    [Fact]
    public void Options_UnknownKeyword_ThrowsNamingIt() =>
        Assert.Contains("notakeyword", Assert.Throws<ArgumentException>(() => ProvisioningConnection.Options("127.0.0.1:6390,notakeyword=1")).Message, StringComparison.Ordinal);
}
