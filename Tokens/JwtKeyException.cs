namespace ClusterSessions.Tokens;

/// <summary>
/// A configured key cannot be used. <see cref="Exception.Message"/> names the key id and never
/// contains key material, so startup can print it as a one-line error.
/// </summary>
public sealed class JwtKeyException : Exception
{
    public JwtKeyException()
    {
    }

    public JwtKeyException(string message)
        : base(message)
    {
    }

    public JwtKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JwtKeyException(string keyId, string field, string message)
        : base(message)
    {
        KeyId = keyId;
        Field = field;
    }

    /// <summary>The id of the offending key, when known.</summary>
    public string? KeyId { get; }

    /// <summary>The descriptor property at fault (<c>Id</c>, <c>Algorithm</c> or <c>Key</c>), so a config path can be built.</summary>
    public string? Field { get; }
}
