using System.Security.Cryptography;

namespace ClusterSessions.Tokens;

/// <summary>
/// A key with its id and its one algorithm. The algorithm is pinned to the key (RFC 8725 section 3.1):
/// a token is only ever checked with the algorithm of the key its <c>kid</c> selects.
/// </summary>
public abstract class JwtSigningKey : IDisposable
{
    // Only this assembly provides key types, so every key honours the pinning and constant-time rules.
    private protected JwtSigningKey(string id, string algorithm)
    {
        Id = id;
        Algorithm = algorithm;
    }

    public string Id { get; }

    public string Algorithm { get; }

    /// <summary>False for a public-only ES256 key, which can verify but not issue.</summary>
    public abstract bool CanSign { get; }

    internal abstract int SignatureSize { get; }

    public static JwtSigningKey FromDescriptor(JwtKeyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var id = JwtKeyMaterial.CheckId(descriptor.Id);
        return descriptor.Algorithm switch
        {
            JwtAlgorithms.ES256 => CreateEs256Owned(id, JwtKeyMaterial.ImportEs256(id, descriptor.Key)),
            JwtAlgorithms.HS256 => CreateHs256Owned(id, JwtKeyMaterial.DecodeHs256(id, descriptor.Key)),
            _ => throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Algorithm),
                $"key '{id}' has algorithm '{descriptor.Algorithm}'; use {JwtAlgorithms.ES256} or {JwtAlgorithms.HS256}"),
        };
    }

    /// <summary>An ES256 key from a P-256 <see cref="ECDsa"/>; the caller keeps ownership of <paramref name="key"/>.</summary>
    public static JwtSigningKey CreateEs256(string id, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        id = JwtKeyMaterial.CheckId(id);
        JwtKeyMaterial.CheckP256(id, key);
        return new EcdsaSigningKey(id, key);
    }

    /// <summary>An HS256 key; secrets under 256 bits throw a <see cref="JwtKeyException"/> naming the key.</summary>
    public static JwtSigningKey CreateHs256(string id, ReadOnlySpan<byte> secret)
    {
        id = JwtKeyMaterial.CheckId(id);
        JwtKeyMaterial.CheckHs256Length(id, secret.Length);
        return new HmacSigningKey(id, secret.ToArray());
    }

    public void Dispose()
    {
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes the raw JWS signature of <paramref name="data"/>; returns its length.</summary>
    internal abstract int Sign(ReadOnlySpan<byte> data, Span<byte> signature);

    internal abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <summary>The public JWK, or null when the key must never be published (HMAC secrets).</summary>
    internal abstract JsonWebKey? ToPublicJsonWebKey();

    private protected abstract void DisposeCore();

    private static EcdsaSigningKey CreateEs256Owned(string id, ECDsa key)
    {
        using (key)
        {
            return new EcdsaSigningKey(id, key);
        }
    }

    private static HmacSigningKey CreateHs256Owned(string id, byte[] secret) => new(id, secret);
}
