using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.Redis.Tests.Provisioning;

public sealed class ProvisioningConnectionTests
{
    [Fact]
    public void Options_KeepsWhereAndWhoButWaitsTenSeconds()
    {
        var options = ProvisioningConnection.Options("127.0.0.1:6390,password=s3cret,database=2,connectTimeout=500,commandTimeout=500");

        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(6390, options.Port);
        Assert.Equal("s3cret", options.Password);
        Assert.Equal(2, options.Database);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CommandTimeout);
    }

    [Fact]
    public void Options_BadConnectionString_ThrowsNamingThePart() =>
        Assert.Contains("port", Assert.Throws<FormatException>(() => ProvisioningConnection.Options("127.0.0.1:notaport")).Message, StringComparison.OrdinalIgnoreCase);
}
