using System.Security.Cryptography;
using System.Text;

namespace ClusterSessions.Tokens;

/// <summary>
/// One configured key, shaped for the configuration binder (<c>Jwt:Keys:0:Id</c>, <c>Jwt__Keys__0__Key</c>).
/// <see cref="Key"/> is a PKCS#8 private key (base64 DER or PEM) for ES256 and a base64 or base64url
/// secret of at least 256 bits for HS256.
/// </summary>
public sealed record JwtKeyDescriptor
{
    public string Id { get; init; } = "";

    public string Algorithm { get; init; } = JwtAlgorithms.ES256;

    public string Key { get; init; } = "";

    /// <summary>Informational (for rotation policies); the signing key is the last one listed.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fresh key material: a P-256 key pair for ES256, 32 random bytes for HS256.</summary>
    public static JwtKeyDescriptor Generate(string id, string algorithm = JwtAlgorithms.ES256, DateTimeOffset? createdAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var key = algorithm switch
        {
            JwtAlgorithms.ES256 => GenerateEs256(),
            JwtAlgorithms.HS256 => GenerateHs256(),
            _ => throw new ArgumentException($"Unsupported algorithm; use {JwtAlgorithms.ES256} or {JwtAlgorithms.HS256}.", nameof(algorithm)),
        };
        return new JwtKeyDescriptor { Id = id, Algorithm = algorithm, Key = key, CreatedAt = createdAt };
    }

    private static string GenerateEs256()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey());
    }

    private static string GenerateHs256()
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        var text = System.Buffers.Text.Base64Url.EncodeToString(secret);
        CryptographicOperations.ZeroMemory(secret);
        return text;
    }

    // Records print every property; descriptors end up in logs and exception messages, the key must not.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Algorithm = ").Append(Algorithm)
            .Append(", Key = ").Append(Key.Length == 0 ? "(empty)" : "***")
            .Append(", CreatedAt = ").Append(CreatedAt);
        return true;
    }
}
