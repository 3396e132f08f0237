using System.Globalization;

namespace ClusterSessions.Redis.Protocol;

/// <summary>Encodes a command the only way RESP2 clients send them: an array of bulk strings.</summary>
internal static class RespWriter
{
    public static byte[] EncodeCommand(string name, ReadOnlySpan<RedisArgument> arguments)
    {
        var length = HeaderLength(arguments.Length + 1) + BulkLength(RedisArgument.FromString(name));
        foreach (var argument in arguments)
        {
            length += BulkLength(argument);
        }

        var buffer = GC.AllocateUninitializedArray<byte>(length);
        var span = buffer.AsSpan();
        var offset = WriteHeader(span, '*', arguments.Length + 1);
        offset += WriteBulk(span[offset..], RedisArgument.FromString(name));
        foreach (var argument in arguments)
        {
            offset += WriteBulk(span[offset..], argument);
        }

        return buffer;
    }

    private static int HeaderLength(long count) => 1 + RedisArgument.DigitCount(count) + 2;

    private static int BulkLength(RedisArgument argument)
    {
        var bytes = argument.GetByteCount();
        return HeaderLength(bytes) + bytes + 2;
    }

    private static int WriteHeader(Span<byte> destination, char type, long count)
    {
        destination[0] = (byte)type;
        count.TryFormat(destination[1..], out var written, provider: CultureInfo.InvariantCulture);
        destination[1 + written] = (byte)'\r';
        destination[2 + written] = (byte)'\n';
        return written + 3;
    }

    private static int WriteBulk(Span<byte> destination, RedisArgument argument)
    {
        var offset = WriteHeader(destination, '$', argument.GetByteCount());
        offset += argument.WriteTo(destination[offset..]);
        destination[offset++] = (byte)'\r';
        destination[offset++] = (byte)'\n';
        return offset;
    }
}
