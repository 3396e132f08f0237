using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The configured keys as IdentityModel keys, built once from validated options. The last key listed signs, every
/// key listed verifies, so a key is rotated by appending a new one. Only public ES256 keys are published.
/// </summary>
internal sealed class JwtKeys : IDisposable
{
    private readonly List<SecurityKey> _keys;

    public JwtKeys(IOptions<JwtOptions> options)
    {
        var configured = options.Value.Keys;
        _keys = [.. configured.Select(k => TryCreateSecurityKey(k, out var key, out var error) ? key! : throw new InvalidOperationException(error))];
        var signing = configured[^1];
        SigningCredentials = new SigningCredentials(_keys[^1], AlgorithmName(signing.Algorithm));
        Algorithms = [.. configured.Select(k => AlgorithmName(k.Algorithm)).Distinct(StringComparer.Ordinal)];
        PublicJsonWebKeySet = JsonSerializer.Serialize(
            new PublicJsonWebKeySet([.. _keys.OfType<ECDsaSecurityKey>().Select(ToPublicJsonWebKey)]),
            JwtJsonContext.Default.PublicJsonWebKeySet);
        // Every jwt node derives the same secret from the shared signing key, and nothing else can.
        VisitCounterSecret = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signing.Key), 32, info: "ClusterSessions.VisitCounter.v1"u8.ToArray());
    }

    public IReadOnlyList<SecurityKey> VerificationKeys => _keys;

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The algorithms of the configured keys: ES256, and HS256 only when an HS256 key is configured.</summary>
    public IReadOnlyList<string> Algorithms { get; }

    /// <summary>The JWK Set (RFC 7517) served at <c>/.well-known/jwks.json</c>.</summary>
    public string PublicJsonWebKeySet { get; }

    public byte[] VisitCounterSecret { get; }

    public static string AlgorithmName(JwtAlgorithm algorithm) => algorithm switch
    {
        JwtAlgorithm.ES256 => SecurityAlgorithms.EcdsaSha256,
        JwtAlgorithm.HS256 => SecurityAlgorithms.HmacSha256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>Reads one configured key; the error names what is wrong without repeating the key.</summary>
    public static bool TryCreateSecurityKey(JwtKeyOptions options, out SecurityKey? key, out string? error)
    {
        key = null;
        error = null;
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            error = $"key '{options.Id}' is empty";
            return false;
        }

        if (options.Algorithm == JwtAlgorithm.HS256)
        {
            var secret = DecodeSecret(options.Key);
            if (secret is null || secret.Length < 32)
            {
                error = secret is null
                    ? $"HS256 key '{options.Id}' is not base64 or base64url"
                    : $"HS256 key '{options.Id}' is {secret.Length * 8} bits; at least 256 are required";
                return false;
            }

            key = new SymmetricSecurityKey(secret) { KeyId = options.Id };
            return true;
        }

        var ecdsa = ECDsa.Create();
        try
        {
            if (options.Key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(options.Key);
            }
            else
            {
                ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(options.Key), out _);
            }

            if (ecdsa.KeySize != 256)
            {
                throw new CryptographicException("not P-256");
            }
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            ecdsa.Dispose();
            error = $"ES256 key '{options.Id}' is not a PKCS#8 P-256 private key (base64 DER or PEM)";
            return false;
        }

        key = new ECDsaSecurityKey(ecdsa) { KeyId = options.Id };
        return true;
    }

    public void Dispose()
    {
        foreach (var key in _keys.OfType<ECDsaSecurityKey>())
        {
            key.ECDsa.Dispose();
        }
    }

    private static PublicJsonWebKey ToPublicJsonWebKey(ECDsaSecurityKey key)
    {
        using var publicOnly = ECDsa.Create(key.ECDsa.ExportParameters(includePrivateParameters: false));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(publicOnly) { KeyId = key.KeyId });
        return new PublicJsonWebKey(jwk.Kty, jwk.Crv, jwk.X, jwk.Y, jwk.Kid, SecurityAlgorithms.EcdsaSha256, "sig");
    }

    private static byte[]? DecodeSecret(string text)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            return buffer[..written];
        }

        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
