using System.Globalization;
using System.Text;

namespace ClusterSessions.Redis;

/// <summary>
/// One argument of a command: text (sent as UTF-8), raw bytes or an integer. Implicit conversions keep call
/// sites short (<c>new RedisCommand("SET", key, value)</c>) without boxing or reflection.
/// </summary>
public readonly struct RedisArgument
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _integer;
    private readonly Kinds _kind;

    private RedisArgument(string? text, ReadOnlyMemory<byte> bytes, long integer, Kinds kind)
    {
        _text = text;
        _bytes = bytes;
        _integer = integer;
        _kind = kind;
    }

    private enum Kinds : byte
    {
        Missing,
        Text,
        Bytes,
        Integer,
    }

    internal bool IsMissing => _kind == Kinds.Missing || (_kind == Kinds.Text && _text is null);

    public static implicit operator RedisArgument(string? value) => FromString(value);

    public static implicit operator RedisArgument(byte[]? value) => FromBytes(value);

    public static implicit operator RedisArgument(ReadOnlyMemory<byte> value) => FromBytes(value);

    public static implicit operator RedisArgument(long value) => FromInt64(value);

    public static RedisArgument FromString(string? value) => new(value, default, 0, Kinds.Text);

    public static RedisArgument FromBytes(ReadOnlyMemory<byte> value) => new(null, value, 0, Kinds.Bytes);

    public static RedisArgument FromBytes(byte[]? value) =>
        value is null ? default : new(null, value, 0, Kinds.Bytes);

    public static RedisArgument FromInt64(long value) => new(null, default, value, Kinds.Integer);

    /// <summary>Shows text and integers, and only the length of binary values (they may be secrets or large).</summary>
    public override string ToString() => _kind switch
    {
        Kinds.Text => _text ?? "(null)",
        Kinds.Bytes => $"<{_bytes.Length} bytes>",
        Kinds.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        _ => "(null)",
    };

    internal int GetByteCount() => _kind switch
    {
        Kinds.Text => Encoding.UTF8.GetByteCount(_text!),
        Kinds.Bytes => _bytes.Length,
        Kinds.Integer => DigitCount(_integer),
        _ => throw new InvalidOperationException("A missing argument has no encoding."),
    };

    internal int WriteTo(Span<byte> destination)
    {
        switch (_kind)
        {
            case Kinds.Text:
                return Encoding.UTF8.GetBytes(_text, destination);
            case Kinds.Bytes:
                _bytes.Span.CopyTo(destination);
                return _bytes.Length;
            case Kinds.Integer:
                _integer.TryFormat(destination, out var written, provider: CultureInfo.InvariantCulture);
                return written;
            default:
                throw new InvalidOperationException("A missing argument has no encoding.");
        }
    }

    internal static int DigitCount(long value)
    {
        if (value == long.MinValue)
        {
            return 20;
        }

        var count = value < 0 ? 2 : 1;
        var magnitude = Math.Abs(value);
        while (magnitude >= 10)
        {
            magnitude /= 10;
            count++;
        }

        return count;
    }
}
