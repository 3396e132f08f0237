namespace ClusterSessions.Redis.Tests;

public sealed class RedisValueTests
{
    [Fact]
    public void AsInt64_NumericBulkString_ParsesIt()
    {
        Assert.Equal(-12, RedisValue.BulkString("-12").AsInt64());
    }

    [Fact]
    public void AsInt64_TextBulkString_ThrowsRedisException()
    {
        var error = Assert.Throws<RedisException>(() => RedisValue.BulkString("abc").AsInt64());

        Assert.Contains("Expected an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsString_ErrorValue_ReturnsMessage()
    {
        Assert.Equal("ERR nope", RedisValue.Error("ERR nope").AsString());
    }

    [Fact]
    public void Elements_OfErrorValue_ThrowsServerException()
    {
        var error = Assert.Throws<RedisServerException>(() => RedisValue.Error("WRONGTYPE Operation against a key").Elements);

        Assert.Equal("WRONGTYPE", error.ErrorCode);
    }

    [Fact]
    public void Elements_OfNull_IsEmpty()
    {
        Assert.Empty(RedisValue.Null.Elements);
        Assert.Null(RedisValue.Null.AsString());
        Assert.Null(RedisValue.Null.AsBytes());
    }

    [Fact]
    public void Integer_SmallValues_AreShared()
    {
        Assert.Same(RedisValue.Integer(1), RedisValue.Integer(1));
        Assert.Equal(1000, RedisValue.Integer(1000).AsInt64());
    }

    [Theory]
    [InlineData("ERR unknown command", "ERR")]
    [InlineData("WRONGPASS invalid username-password pair", "WRONGPASS")]
    [InlineData("Some lower-case text", "ERR")]
    public void RedisServerException_Message_ParsesErrorCode(string message, string code)
    {
        Assert.Equal(code, new RedisServerException(message).ErrorCode);
    }
}
