using System.Buffers;
using System.Text;
using ClusterSessions.Redis.Protocol;
using ClusterSessions.Redis.Tests.TestDoubles;

namespace ClusterSessions.Redis.Tests.Protocol;

public sealed class RespReaderTests
{
    // A reply that uses every RESP2 type, nesting, nulls, an empty bulk string and binary bytes with CRLF inside.
    private const string EveryType =
        "*7\r\n+OK\r\n-ERR bad thing\r\n:-42\r\n$5\r\nhe\r\nl\r\n$-1\r\n*-1\r\n*3\r\n$0\r\n\r\n*1\r\n:7\r\n*0\r\n";

    public static TheoryData<string, string> SingleReplies => new()
    {
        { "+OK\r\n", "OK" },
        { "+\r\n", string.Empty },
        { "-ERR unknown command\r\n", "(error) ERR unknown command" },
        { ":0\r\n", "(integer) 0" },
        { ":-9223372036854775808\r\n", "(integer) -9223372036854775808" },
        { ":9223372036854775807\r\n", "(integer) 9223372036854775807" },
        { "$3\r\nfoo\r\n", "foo" },
        { "$0\r\n\r\n", string.Empty },
        { "$-1\r\n", "(nil)" },
        { "*-1\r\n", "(nil)" },
        { "*0\r\n", "[]" },
        { "*2\r\n$1\r\na\r\n:1\r\n", "[a, (integer) 1]" },
        { EveryType, "[OK, (error) ERR bad thing, (integer) -42, he\r\nl, (nil), (nil), [, [(integer) 7], []]]" },
    };

    [Theory]
    [MemberData(nameof(SingleReplies))]
    public void TryRead_CompleteReply_ParsesValue(string wire, string expected)
    {
        var value = RespReader.ReadSingle(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));

        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void TryRead_BulkString_KeepsBinaryBytes()
    {
        byte[] wire = [.. "$4\r\n"u8, 0, 255, 13, 10, .. "\r\n"u8];

        var value = RespReader.ReadSingle(new ReadOnlySequence<byte>(wire));

        Assert.Equal(RedisValueKind.BulkString, value.Kind);
        Assert.Equal(new byte[] { 0, 255, 13, 10 }, value.AsBytes());
    }

    [Fact]
    public void TryRead_Kinds_AreReported()
    {
        var value = RespReader.ReadSingle(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(EveryType)));

        Assert.Equal(
            [RedisValueKind.SimpleString, RedisValueKind.Error, RedisValueKind.Integer, RedisValueKind.BulkString, RedisValueKind.Null, RedisValueKind.Null, RedisValueKind.Array],
            value.Elements.Select(e => e.Kind));
    }

    [Theory]
    [MemberData(nameof(SingleReplies))]
    public void TryRead_SplitAtEveryPosition_ParsesSameValue(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            // A prefix is "not yet": no exception, buffer untouched.
            var prefix = new ReadOnlySequence<byte>(bytes[..cut]);
            Assert.False(RespReader.TryRead(ref prefix, RespLimits.Default, out _), $"prefix of {cut} bytes");
            Assert.Equal(cut, prefix.Length);

            // The whole reply, arriving as two segments, parses to the same value.
            var split = TestSequence.Split(bytes, cut);
            Assert.True(RespReader.TryRead(ref split, RespLimits.Default, out var value), $"split at {cut}");
            Assert.Equal(expected, value.ToString());
            Assert.True(split.IsEmpty);
        }
    }

    [Theory]
    [MemberData(nameof(SingleReplies))]
    public void TryRead_OneBytePerSegment_ParsesSameValue(string wire, string expected)
    {
        var buffer = TestSequence.OneBytePerSegment(Encoding.UTF8.GetBytes(wire));

        Assert.True(RespReader.TryRead(ref buffer, RespLimits.Default, out var value));
        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void TryRead_SplitAtEveryPairOfPositions_ParsesSameValue()
    {
        var bytes = Encoding.UTF8.GetBytes(EveryType);
        var expected = RespReader.ReadSingle(new ReadOnlySequence<byte>(bytes)).ToString();
        for (var first = 1; first < bytes.Length - 1; first++)
        {
            for (var second = first + 1; second < bytes.Length; second++)
            {
                var buffer = TestSequence.Split(bytes, first, second);
                Assert.True(RespReader.TryRead(ref buffer, RespLimits.Default, out var value));
                Assert.Equal(expected, value.ToString());
            }
        }
    }

    [Fact]
    public void TryRead_SeveralRepliesInOneBuffer_ReadsThemInOrder()
    {
        var buffer = new ReadOnlySequence<byte>("+OK\r\n:1\r\n$1\r\nx\r\n$2\r\nab"u8.ToArray());
        var values = new List<string>();

        while (RespReader.TryRead(ref buffer, RespLimits.Default, out var value))
        {
            values.Add(value.ToString());
        }

        Assert.Equal(["OK", "(integer) 1", "x"], values);
        Assert.Equal("$2\r\nab"u8.ToArray(), buffer.ToArray());
    }

    [Fact]
    public void TryRead_EmptyBuffer_ReturnsFalse()
    {
        var buffer = ReadOnlySequence<byte>.Empty;

        Assert.False(RespReader.TryRead(ref buffer, RespLimits.Default, out _));
    }

    [Theory]
    [InlineData("?\r\n", "unexpected type byte 0x3F")]
    [InlineData("\r\n", "unexpected type byte 0x0D")]
    [InlineData("OK\r\n", "unexpected type byte 0x4F")]
    [InlineData("+OK\n", "line feed without carriage return")]
    [InlineData("+O\rK\r\n", "carriage return inside a line")]
    [InlineData("+OK\rX", "carriage return not followed by line feed")]
    [InlineData(":12a\r\n", "not an integer")]
    [InlineData(":\r\n", "not an integer")]
    [InlineData(":-\r\n", "not an integer")]
    [InlineData(":+5\r\n", "not an integer")]
    [InlineData(": 5\r\n", "not an integer")]
    [InlineData(":9223372036854775808\r\n", "overflows")]
    [InlineData(":-9223372036854775809\r\n", "overflows")]
    [InlineData(":123456789012345678901\r\n", "not an integer")]
    [InlineData("$-2\r\n", "negative bulk string length -2")]
    [InlineData("$x\r\n", "not an integer")]
    [InlineData("$3\r\nfooXY", "not followed by CRLF")]
    [InlineData("$3\r\nfoo\rX", "not followed by CRLF")]
    [InlineData("*-5\r\n", "negative array length -5")]
    [InlineData("*1\r\n!\r\n", "RESP3")]
    [InlineData("_\r\n", "RESP3")]
    [InlineData("%1\r\n+a\r\n+b\r\n", "RESP3")]
    [InlineData(">2\r\n+a\r\n+b\r\n", "RESP3")]
    [InlineData("*2\r\n:1\r\n?\r\n", "unexpected type byte")]
    public void TryRead_MalformedReply_ThrowsProtocolException(string wire, string expectedMessage)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire));

        var error = Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, RespLimits.Default, out _));

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_BulkLongerThanLimit_ThrowsBeforeTheBodyArrives()
    {
        var limits = RespLimits.Default with { MaxBulkLength = 1024 };
        var buffer = new ReadOnlySequence<byte>("$1025\r\n"u8.ToArray());

        var error = Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, limits, out _));

        Assert.Contains("bulk string of 1025 bytes exceeds the configured maximum of 1024 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_BulkOverProtocolLimit_ThrowsProtocolException()
    {
        var buffer = new ReadOnlySequence<byte>("$536870913\r\n"u8.ToArray());

        var error = Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, RespLimits.Default, out _));

        Assert.Contains("Oversized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_BulkAtLimit_IsAccepted()
    {
        var limits = RespLimits.Default with { MaxBulkLength = 4 };
        var buffer = new ReadOnlySequence<byte>("$4\r\nabcd\r\n"u8.ToArray());

        Assert.True(RespReader.TryRead(ref buffer, limits, out var value));
        Assert.Equal("abcd", value.AsString());
    }

    [Fact]
    public void TryRead_ArrayLongerThanLimit_ThrowsProtocolException()
    {
        var limits = RespLimits.Default with { MaxArrayLength = 2 };
        var buffer = new ReadOnlySequence<byte>("*3\r\n"u8.ToArray());

        var error = Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, limits, out _));

        Assert.Contains("array of 3 elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_HugeArrayHeaderWithFewBytes_WaitsWithoutAllocating()
    {
        // 16M elements cannot be in a 20-byte buffer: the reader must wait, not allocate a 16M-slot array.
        var buffer = new ReadOnlySequence<byte>("*16000000\r\n+a\r\n"u8.ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.False(RespReader.TryRead(ref buffer, RespLimits.Default, out _));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Fact]
    public void TryRead_IncompleteLargeArray_DoesNotMaterializeItsElements()
    {
        var wire = new StringBuilder("*10000\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            wire.Append("$8\r\nelement!\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(wire.ToString());
        var prefix = new ReadOnlySequence<byte>(bytes[..(bytes.Length - 1)]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.False(RespReader.TryRead(ref prefix, RespLimits.Default, out _));

        // Materializing would allocate 10,000 strings and values (well over 500 KB).
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * 1024);
        var whole = new ReadOnlySequence<byte>(bytes);
        Assert.True(RespReader.TryRead(ref whole, RespLimits.Default, out var value));
        Assert.Equal(10_000, value.Elements.Count);
    }

    [Fact]
    public void TryRead_NestingDeeperThanLimit_ThrowsProtocolException()
    {
        var limits = RespLimits.Default with { MaxDepth = 3 };
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("*1\r\n", 4)) + ":1\r\n"));

        var error = Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, limits, out _));

        Assert.Contains("nested deeper than 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NestingAtLimit_IsAccepted()
    {
        var limits = RespLimits.Default with { MaxDepth = 3 };
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("*1\r\n", 3)) + ":1\r\n"));

        Assert.True(RespReader.TryRead(ref buffer, limits, out var value));
        Assert.Equal("[[[(integer) 1]]]", value.ToString());
    }

    [Fact]
    public void TryRead_DeepNestingWithDefaultLimits_ThrowsInsteadOfOverflowingTheStack()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("*1\r\n", 100_000))));

        Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, RespLimits.Default, out _));
    }

    [Fact]
    public void TryRead_LineLongerThanLimitWithoutCrlf_ThrowsInsteadOfBuffering()
    {
        var limits = RespLimits.Default with { MaxLineLength = 16 };
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("+" + new string('a', 32)));

        var error = Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, limits, out _));

        Assert.Contains("line longer than 16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_CompleteLineLongerThanLimit_ThrowsProtocolException()
    {
        var limits = RespLimits.Default with { MaxLineLength = 16 };
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("-" + new string('e', 32) + "\r\n"));

        Assert.Throws<RedisProtocolException>(() => RespReader.TryRead(ref buffer, limits, out _));
    }

    [Theory]
    [InlineData("$5\r\nab")]
    [InlineData("*2\r\n:1\r\n")]
    [InlineData("+OK")]
    [InlineData("+OK\r")]
    [InlineData(":12")]
    public void ReadSingle_TruncatedReply_ThrowsProtocolException(string wire)
    {
        var error = Assert.Throws<RedisProtocolException>(() => RespReader.ReadSingle(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire))));

        Assert.Contains("Truncated RESP reply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSingle_TrailingBytes_ThrowsProtocolException()
    {
        Assert.Throws<RedisProtocolException>(() => RespReader.ReadSingle(new ReadOnlySequence<byte>("+OK\r\n+OK\r\n"u8.ToArray())));
    }
}
