namespace ClusterSessions.Redis.Tests;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void Parse_HostAndPortOnly_UsesDefaults()
    {
        var options = RedisConnectionOptions.Parse("cache.local:6380");

        Assert.Equal("cache.local", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Null(options.Password);
        Assert.Null(options.User);
        Assert.Equal(0, options.Database);
        Assert.Equal(TimeSpan.FromMilliseconds(2000), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), options.CommandTimeout);
    }

    [Fact]
    public void Parse_EveryPart_SetsEveryOption()
    {
        var options = RedisConnectionOptions.Parse(" 10.0.0.5:7000 , password=s=cr=t,user=app, database=3,connectTimeout=500,CommandTimeout=250");

        Assert.Equal("10.0.0.5", options.Host);
        Assert.Equal(7000, options.Port);
        Assert.Equal("s=cr=t", options.Password);
        Assert.Equal("app", options.User);
        Assert.Equal(3, options.Database);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.CommandTimeout);
    }

    [Fact]
    public void Parse_HostWithoutPort_UsesDefaultPort()
    {
        Assert.Equal(6379, RedisConnectionOptions.Parse("localhost").Port);
    }

    [Fact]
    public void Parse_BracketedIpv6_ParsesHostAndPort()
    {
        var options = RedisConnectionOptions.Parse("[::1]:6390");

        Assert.Equal("::1", options.Host);
        Assert.Equal(6390, options.Port);
        Assert.Equal("[::1]:6390", options.EndPoint);
    }

    [Theory]
    [InlineData("localhost:6379,database=x", "part 'database=x': database must be an integer 0-15")]
    [InlineData("localhost:6379,database=16", "part 'database=16': database must be an integer 0-15")]
    [InlineData("localhost:6379,database=-1", "part 'database=-1': database must be an integer 0-15")]
    [InlineData("localhost:0", "part 'localhost:0': port must be an integer 1-65535")]
    [InlineData("localhost:65536", "part 'localhost:65536': port must be an integer 1-65535")]
    [InlineData("localhost:abc", "part 'localhost:abc': port must be an integer 1-65535")]
    [InlineData(":6379", "part ':6379': host must not be empty")]
    [InlineData("::1:6379", "an IPv6 address must be written in brackets")]
    [InlineData("[::1:6379", "missing its closing ']'")]
    [InlineData("a:1,b:2", "part 'b:2': only one endpoint")]
    [InlineData("localhost:6379,connectTimeout=0", "part 'connectTimeout=0': connectTimeout must be an integer number of milliseconds 1-600000")]
    [InlineData("localhost:6379,commandTimeout=fast", "part 'commandTimeout=fast': commandTimeout must be")]
    [InlineData("localhost:6379,ssl=true", "part 'ssl=true': unknown option")]
    [InlineData("localhost:6379,database=1,database=2", "part 'database=2': 'database' is given more than once")]
    [InlineData("localhost:6379,password=", "part 'password=': password must not be empty")]
    [InlineData("localhost:6379,user=app", "user requires a password")]
    [InlineData("password=x", "has no endpoint")]
    [InlineData("", "has no endpoint")]
    public void Parse_BadPart_ThrowsFormatExceptionNamingIt(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Error_DoesNotLeakThePassword()
    {
        var error = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse("password=hunter2"));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => RedisConnectionOptions.Parse(null!));
    }

    [Fact]
    public void ToString_MasksPassword_ToConnectionStringKeepsIt()
    {
        var options = RedisConnectionOptions.Parse("h:1,password=hunter2,database=2");

        Assert.Equal("h:1,password=*****,database=2,connectTimeout=2000,commandTimeout=1000", options.ToString());
        Assert.Equal("h:1,password=hunter2,database=2,connectTimeout=2000,commandTimeout=1000", options.ToConnectionString());
    }

    [Fact]
    public void ToConnectionString_RoundTrips()
    {
        var original = RedisConnectionOptions.Parse("h:1,user=u,password=p,database=5,connectTimeout=10,commandTimeout=20");

        var copy = RedisConnectionOptions.Parse(original.ToConnectionString());

        Assert.Equal(original.ToConnectionString(), copy.ToConnectionString());
    }
}
