using System.Net;
using ClusterSessions.Gateway.LoginThrottling;
using Microsoft.AspNetCore.Http;

namespace ClusterSessions.Tests.Gateway.LoginThrottling;

public sealed class LoginRateLimiterPolicyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("::1", "::1")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::")]
    public void ClientOf_Address_IsCountedUnderItsIPv4AddressOrIPv6Slash64(string remote, string expected)
    {
        var context = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(remote) } };

        Assert.Equal(IPAddress.Parse(expected), LoginRateLimiterPolicy.ClientOf(context));
    }

    [Fact]
    public void ClientOf_NoAddress_SharesOneBucket() =>
        Assert.Equal(IPAddress.None, LoginRateLimiterPolicy.ClientOf(new DefaultHttpContext()));
}
