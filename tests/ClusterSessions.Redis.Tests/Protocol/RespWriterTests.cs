using System.Text;
using ClusterSessions.Redis.Protocol;

namespace ClusterSessions.Redis.Tests.Protocol;

public sealed class RespWriterTests
{
    [Fact]
    public void EncodeCommand_NameOnly_WritesSingleElementArray()
    {
        var bytes = RespWriter.EncodeCommand("PING", []);

        Assert.Equal("*1\r\n$4\r\nPING\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EncodeCommand_TextBytesAndInteger_WritesBulkStrings()
    {
        var bytes = RespWriter.EncodeCommand("SET", ["key", new byte[] { 0, 13, 10, 255 }, "PX", 1500]);

        Assert.Equal(
            "*5\r\n$3\r\nSET\r\n$3\r\nkey\r\n$4\r\n\0\r\n\xFF\r\n$2\r\nPX\r\n$4\r\n1500\r\n",
            Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void EncodeCommand_NonAsciiText_WritesUtf8ByteLength()
    {
        var bytes = RespWriter.EncodeCommand("ECHO", ["héllo €"]);

        Assert.Equal("*2\r\n$4\r\nECHO\r\n$10\r\nhéllo €\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EncodeCommand_EmptyArgument_WritesZeroLengthBulk()
    {
        var bytes = RespWriter.EncodeCommand("ECHO", [string.Empty]);

        Assert.Equal("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(9L, "9")]
    [InlineData(10L, "10")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void EncodeCommand_IntegerArgument_WritesDecimalText(long value, string expected)
    {
        var bytes = RespWriter.EncodeCommand("INCRBY", ["k", value]);

        Assert.Equal($"*3\r\n$6\r\nINCRBY\r\n$1\r\nk\r\n${expected.Length}\r\n{expected}\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EncodeCommand_ElevenArguments_WritesTwoDigitCount()
    {
        var arguments = Enumerable.Range(0, 11).Select(i => (RedisArgument)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var text = Encoding.UTF8.GetString(RespWriter.EncodeCommand("RPUSH", arguments));

        Assert.StartsWith("*12\r\n$5\r\nRPUSH\r\n$1\r\n0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("$2\r\n10\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisCommand_NullArgument_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisCommand("SET", "key", (string?)null));

        Assert.Contains("Argument 2 of the SET command is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisCommand_ToString_ShowsOnlyTheName()
    {
        var command = new RedisCommand("AUTH", "alice", "hunter2");

        Assert.Equal("AUTH", command.ToString());
        Assert.Equal(["AUTH", "alice", "hunter2"], command.GetParts());
    }
}
