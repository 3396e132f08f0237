namespace ClusterSessions.Redis.Protocol;

/// <summary>
/// Bounds on what the reader accepts. Every limit exists so that a hostile or broken peer cannot make the
/// client buffer without end, allocate a huge array up front, or recurse until the stack overflows.
/// </summary>
internal sealed record RespLimits
{
    /// <summary>Redis' own ceiling for a bulk string (proto-max-bulk-len).</summary>
    public const int ProtocolMaxBulkLength = 512 * 1024 * 1024;

    public static RespLimits Default { get; } = new();

    public int MaxBulkLength { get; init; } = ProtocolMaxBulkLength;

    public int MaxArrayLength { get; init; } = 16 * 1024 * 1024;

    public int MaxDepth { get; init; } = 32;

    /// <summary>Longest header, integer, simple string or error line (without CRLF).</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;
}
