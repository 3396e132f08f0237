using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace ClusterSessions.Redis.Protocol;

/// <summary>
/// Strict RESP2 reply parser over buffered bytes. It never blocks and never keeps state between calls:
/// when the buffer holds only part of a reply it reports "need more" and the caller retries from the same
/// start once more bytes arrived. Anything that is not valid RESP2 throws <see cref="RedisProtocolException"/>.
/// </summary>
internal static class RespReader
{
    // The smallest possible encoded element ("+\r\n"); lets the reader refuse to allocate an array
    // whose elements cannot all be in the buffer yet.
    private const int MinElementLength = 3;

    // long.MinValue has 20 characters including the sign.
    private const int MaxIntegerLineLength = 20;

    /// <summary>
    /// Reads one complete reply from the start of <paramref name="buffer"/> and slices it off.
    /// Returns <see langword="false"/> (buffer untouched) when the reply is not complete yet.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, RespLimits limits, [NotNullWhen(true)] out RedisValue? value)
    {
        value = null;
        var reader = new SequenceReader<byte>(buffer);

        // An array is retried from its start each time more bytes arrive; checking that it is complete without
        // materializing anything first keeps a large reply arriving in many reads from allocating its elements
        // over and over. The check is the same parse, so it applies the same validation.
        if (reader.TryPeek(out var type) && type == (byte)'*')
        {
            var probe = reader;
            if (!TryReadValue(ref probe, limits, depth: 0, materialize: false, out _))
            {
                return false;
            }
        }

        if (!TryReadValue(ref reader, limits, depth: 0, materialize: true, out value))
        {
            value = null;
            return false;
        }

        buffer = buffer.Slice(reader.Position);
        return true;
    }

    /// <summary>Reads a buffer that must hold exactly one complete reply (tests, diagnostics).</summary>
    public static RedisValue ReadSingle(ReadOnlySequence<byte> buffer, RespLimits? limits = null)
    {
        if (!TryRead(ref buffer, limits ?? RespLimits.Default, out var value))
        {
            throw Truncated(buffer.Length);
        }

        if (!buffer.IsEmpty)
        {
            throw new RedisProtocolException($"Malformed RESP reply: {buffer.Length} unexpected bytes after a complete reply.");
        }

        return value;
    }

    /// <summary>The error for a stream that ended in the middle of a reply.</summary>
    public static RedisProtocolException Truncated(long bufferedBytes) =>
        new($"Truncated RESP reply: the stream ended after {bufferedBytes} bytes of an incomplete reply.");

    // With materialize false the reader validates and skips a reply without allocating; value is then a placeholder.
    private static bool TryReadValue(ref SequenceReader<byte> reader, RespLimits limits, int depth, bool materialize, [NotNullWhen(true)] out RedisValue? value)
    {
        value = null;
        if (!reader.TryPeek(out var type))
        {
            return false;
        }

        switch (type)
        {
            case (byte)'+':
                if (!TryReadLine(ref reader, limits, out var simple))
                {
                    return false;
                }

                value = !materialize ? RedisValue.Null
                    : simple.Length == 2 && simple.IsSingleSegment && simple.FirstSpan.SequenceEqual("OK"u8) ? RedisValue.Ok
                    : simple.Length == 6 && simple.IsSingleSegment && simple.FirstSpan.SequenceEqual("QUEUED"u8) ? RedisValue.Queued
                    : simple.Length == 4 && simple.IsSingleSegment && simple.FirstSpan.SequenceEqual("PONG"u8) ? RedisValue.Pong
                    : RedisValue.FromSimpleString(simple.ToArray());
                return true;

            case (byte)'-':
                if (!TryReadLine(ref reader, limits, out var error))
                {
                    return false;
                }

                value = materialize ? RedisValue.FromError(error.ToArray()) : RedisValue.Null;
                return true;

            case (byte)':':
                if (!TryReadLine(ref reader, limits, out var integerLine))
                {
                    return false;
                }

                value = RedisValue.Integer(ParseInteger(integerLine, "integer reply"));
                return true;

            case (byte)'$':
                return TryReadBulkString(ref reader, limits, materialize, out value);

            case (byte)'*':
                return TryReadArray(ref reader, limits, depth, materialize, out value);

            case (byte)'_' or (byte)',' or (byte)'#' or (byte)'!' or (byte)'=' or (byte)'(' or (byte)'%' or (byte)'~' or (byte)'>' or (byte)'|':
                throw new RedisProtocolException($"Malformed RESP reply: type byte '{(char)type}' belongs to RESP3; this client speaks RESP2 only.");

            default:
                throw new RedisProtocolException($"Malformed RESP reply: unexpected type byte 0x{type:X2} at the start of a reply.");
        }
    }

    private static bool TryReadBulkString(ref SequenceReader<byte> reader, RespLimits limits, bool materialize, out RedisValue? value)
    {
        value = null;
        var start = reader;
        if (!TryReadLine(ref reader, limits, out var header))
        {
            return false;
        }

        var length = ParseInteger(header, "bulk string length");
        if (length == -1)
        {
            value = RedisValue.Null;
            return true;
        }

        if (length < -1)
        {
            throw new RedisProtocolException($"Malformed RESP reply: negative bulk string length {length}.");
        }

        if (length > limits.MaxBulkLength)
        {
            throw new RedisProtocolException(
                $"Oversized RESP reply: bulk string of {length} bytes exceeds the configured maximum of {limits.MaxBulkLength} bytes.");
        }

        if (reader.Remaining < length + 2)
        {
            reader = start;
            return false;
        }

        var bytes = materialize ? GC.AllocateUninitializedArray<byte>((int)length) : null;
        if (bytes is not null)
        {
            reader.TryCopyTo(bytes);
        }

        reader.Advance(length);
        if (!reader.TryRead(out var cr) || !reader.TryRead(out var lf) || cr != '\r' || lf != '\n')
        {
            throw new RedisProtocolException($"Malformed RESP reply: bulk string of {length} bytes is not followed by CRLF.");
        }

        value = bytes is null ? RedisValue.Null : RedisValue.FromBulkString(bytes);
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, RespLimits limits, int depth, bool materialize, out RedisValue? value)
    {
        value = null;
        var start = reader;
        if (!TryReadLine(ref reader, limits, out var header))
        {
            return false;
        }

        var count = ParseInteger(header, "array length");
        if (count == -1)
        {
            value = RedisValue.Null;
            return true;
        }

        if (count < -1)
        {
            throw new RedisProtocolException($"Malformed RESP reply: negative array length {count}.");
        }

        if (count > limits.MaxArrayLength)
        {
            throw new RedisProtocolException(
                $"Oversized RESP reply: array of {count} elements exceeds the configured maximum of {limits.MaxArrayLength}.");
        }

        if (depth >= limits.MaxDepth)
        {
            throw new RedisProtocolException($"Malformed RESP reply: arrays nested deeper than {limits.MaxDepth} levels.");
        }

        if (reader.Remaining < count * MinElementLength)
        {
            reader = start;
            return false;
        }

        var elements = count == 0 || !materialize ? [] : new RedisValue[count];
        for (var i = 0; i < count; i++)
        {
            if (!TryReadValue(ref reader, limits, depth + 1, materialize, out var element))
            {
                reader = start;
                return false;
            }

            if (materialize)
            {
                elements[i] = element;
            }
        }

        value = materialize ? RedisValue.FromArray(elements) : RedisValue.Null;
        return true;
    }

    /// <summary>Reads the rest of a line after its type byte, without the CRLF.</summary>
    private static bool TryReadLine(ref SequenceReader<byte> reader, RespLimits limits, out ReadOnlySequence<byte> line)
    {
        var start = reader;
        reader.Advance(1);
        if (!reader.TryReadTo(out line, (byte)'\n', advancePastDelimiter: true))
        {
            var rest = reader.UnreadSequence;
            var cr = rest.PositionOf((byte)'\r');
            if (cr is { } position && rest.Slice(position).Length > 1)
            {
                throw new RedisProtocolException("Malformed RESP reply: carriage return not followed by line feed.");
            }

            if (rest.Length > limits.MaxLineLength + 1)
            {
                throw new RedisProtocolException($"Oversized RESP reply: line longer than {limits.MaxLineLength} bytes without CRLF.");
            }

            reader = start;
            return false;
        }

        if (line.IsEmpty || LastByte(line) != '\r')
        {
            throw new RedisProtocolException("Malformed RESP reply: line feed without carriage return.");
        }

        line = line.Slice(0, line.Length - 1);
        if (line.PositionOf((byte)'\r') is not null)
        {
            throw new RedisProtocolException("Malformed RESP reply: carriage return inside a line.");
        }

        if (line.Length > limits.MaxLineLength)
        {
            throw new RedisProtocolException($"Oversized RESP reply: line of {line.Length} bytes exceeds {limits.MaxLineLength} bytes.");
        }

        return true;
    }

    private static byte LastByte(ReadOnlySequence<byte> sequence) =>
        sequence.IsSingleSegment ? sequence.FirstSpan[^1] : sequence.Slice(sequence.Length - 1).FirstSpan[0];

    private static long ParseInteger(ReadOnlySequence<byte> line, string what)
    {
        if (line.IsEmpty || line.Length > MaxIntegerLineLength)
        {
            throw new RedisProtocolException($"Malformed RESP reply: {what} '{Printable(line)}' is not an integer.");
        }

        Span<byte> digits = stackalloc byte[MaxIntegerLineLength];
        line.CopyTo(digits);
        digits = digits[..(int)line.Length];

        var negative = digits[0] == '-';
        var start = negative ? 1 : 0;
        if (start == digits.Length)
        {
            throw new RedisProtocolException($"Malformed RESP reply: {what} '-' is not an integer.");
        }

        // Accumulate negatively so that long.MinValue parses without overflow.
        long result = 0;
        for (var i = start; i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            if ((uint)digit > 9)
            {
                throw new RedisProtocolException($"Malformed RESP reply: {what} '{Printable(line)}' is not an integer.");
            }

            if (result < (long.MinValue + digit) / 10)
            {
                throw new RedisProtocolException($"Malformed RESP reply: {what} '{Printable(line)}' overflows a 64-bit integer.");
            }

            result = (result * 10) - digit;
        }

        if (!negative)
        {
            if (result == long.MinValue)
            {
                throw new RedisProtocolException($"Malformed RESP reply: {what} '{Printable(line)}' overflows a 64-bit integer.");
            }

            result = -result;
        }

        return result;
    }

    private static string Printable(ReadOnlySequence<byte> line)
    {
        var bytes = line.Slice(0, Math.Min(line.Length, 32)).ToArray();
        return string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}"));
    }
}
