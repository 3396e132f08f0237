using System.Globalization;
using System.Text;

namespace ClusterSessions.Redis;

/// <summary>One RESP2 reply: a string (simple or bulk), an error, an integer, an array of replies, or null.</summary>
public sealed class RedisValue
{
    private static readonly RedisValue[] NoElements = [];
    private static readonly RedisValue[] SmallIntegers = CreateSmallIntegers();

    private readonly byte[]? _bytes;
    private readonly long _integer;
    private readonly RedisValue[]? _elements;

    private RedisValue(RedisValueKind kind, byte[]? bytes = null, long integer = 0, RedisValue[]? elements = null)
    {
        Kind = kind;
        _bytes = bytes;
        _integer = integer;
        _elements = elements;
    }

    public static RedisValue Null { get; } = new(RedisValueKind.Null);

    internal static RedisValue Ok { get; } = new(RedisValueKind.SimpleString, "OK"u8.ToArray());

    internal static RedisValue Queued { get; } = new(RedisValueKind.SimpleString, "QUEUED"u8.ToArray());

    internal static RedisValue Pong { get; } = new(RedisValueKind.SimpleString, "PONG"u8.ToArray());

    internal static RedisValue EmptyArray { get; } = new(RedisValueKind.Array, elements: NoElements);

    public RedisValueKind Kind { get; }

    public bool IsNull => Kind == RedisValueKind.Null;

    public bool IsError => Kind == RedisValueKind.Error;

    /// <summary>The raw bytes of a string or error reply; empty for other kinds.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>The elements of an array reply; empty for a null reply.</summary>
    public IReadOnlyList<RedisValue> Elements => Kind switch
    {
        RedisValueKind.Array => _elements!,
        RedisValueKind.Null => NoElements,
        _ => throw Unexpected("an array"),
    };

    public static RedisValue SimpleString(string value) => new(RedisValueKind.SimpleString, Encoding.UTF8.GetBytes(value));

    public static RedisValue Error(string message) => new(RedisValueKind.Error, Encoding.UTF8.GetBytes(message));

    public static RedisValue BulkString(ReadOnlySpan<byte> value) => new(RedisValueKind.BulkString, value.ToArray());

    public static RedisValue BulkString(string value) => new(RedisValueKind.BulkString, Encoding.UTF8.GetBytes(value));

    public static RedisValue Integer(long value) =>
        value is >= -1 and < 32 ? SmallIntegers[value + 1] : new(RedisValueKind.Integer, integer: value);

    public static RedisValue Array(params IEnumerable<RedisValue> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var array = elements.ToArray();
        return array.Length == 0 ? EmptyArray : new(RedisValueKind.Array, elements: array);
    }

    // The reader hands over buffers it allocated itself, so no copy is needed.
    internal static RedisValue FromSimpleString(byte[] bytes) => new(RedisValueKind.SimpleString, bytes);

    internal static RedisValue FromError(byte[] bytes) => new(RedisValueKind.Error, bytes);

    internal static RedisValue FromBulkString(byte[] bytes) => new(RedisValueKind.BulkString, bytes);

    internal static RedisValue FromArray(RedisValue[] elements) =>
        elements.Length == 0 ? EmptyArray : new(RedisValueKind.Array, elements: elements);

    /// <summary>The value as UTF-8 text; <see langword="null"/> for a null reply.</summary>
    public string? AsString() => Kind switch
    {
        RedisValueKind.Null => null,
        RedisValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        RedisValueKind.Array => throw Unexpected("a string"),
        _ => Encoding.UTF8.GetString(_bytes!),
    };

    /// <summary>
    /// The value as bytes; <see langword="null"/> for a null reply. A bulk string hands out the buffer the
    /// reader allocated for it (no copy); other kinds return a fresh array.
    /// </summary>
    public byte[]? AsBytes() => Kind switch
    {
        RedisValueKind.Null => null,
        RedisValueKind.BulkString => _bytes,
        RedisValueKind.Array => throw Unexpected("a string"),
        _ => Encoding.UTF8.GetBytes(AsString()!),
    };

    /// <summary>An integer reply, or a string reply that holds an integer (HGET of a counter).</summary>
    public long AsInt64()
    {
        if (Kind == RedisValueKind.Integer)
        {
            return _integer;
        }

        if (Kind is RedisValueKind.BulkString or RedisValueKind.SimpleString
            && long.TryParse(_bytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw Unexpected("an integer");
    }

    public override string ToString() => Kind switch
    {
        RedisValueKind.Null => "(nil)",
        RedisValueKind.Error => "(error) " + AsString(),
        RedisValueKind.Integer => "(integer) " + AsString(),
        RedisValueKind.Array => "[" + string.Join(", ", _elements!.Select(e => e.ToString())) + "]",
        _ => AsString()!,
    };

    // An error reply surfaces as the server's error rather than as a type mismatch: that is what the caller needs to see.
    private RedisException Unexpected(string expected) => IsError
        ? new RedisServerException(Encoding.UTF8.GetString(_bytes!))
        : new RedisException($"Expected {expected} but the server sent a {Kind} reply.");

    private static RedisValue[] CreateSmallIntegers()
    {
        var values = new RedisValue[33];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new RedisValue(RedisValueKind.Integer, integer: i - 1);
        }

        return values;
    }
}
