using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClusterSessions.Tokens;

/// <summary>Turns configured key text into key objects, with errors that name the key but never echo it.</summary>
internal static class JwtKeyMaterial
{
    internal const int MinHmacSecretBytes = 32;
    private const int MaxIdLength = 64;
    private const string P256Oid = "1.2.840.10045.3.1.7";

    // The kid is written into every token header and into logs, so it stays short and plain.
    public static string CheckId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new JwtKeyException("", nameof(JwtKeyDescriptor.Id), "key id is empty");
        }

        if (id.Length > MaxIdLength || !id.All(IsIdChar))
        {
            throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Id),
                $"key id must be 1-{MaxIdLength} characters of A-Z a-z 0-9 . _ -");
        }

        return id;
    }

    public static ECDsa ImportEs256(string id, string? key)
    {
        var text = key?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key), $"ES256 key '{id}' is empty");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(text);
            }
            else
            {
                var der = DecodeBase64Lenient(text)
                    ?? throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key), $"ES256 key '{id}' is neither base64 nor PEM");
                ecdsa.ImportPkcs8PrivateKey(der, out _);
                CryptographicOperations.ZeroMemory(der);
            }

            // A public key alone would let the node start and then fail at the first login.
            _ = ecdsa.ExportParameters(includePrivateParameters: true);
            CheckP256(id, ecdsa);
            return ecdsa;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            ecdsa.Dispose();
            throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key),
                $"ES256 key '{id}' is not a PKCS#8 P-256 private key (base64 DER or PEM)");
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    public static byte[] DecodeHs256(string id, string? key)
    {
        var text = key?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key), $"HS256 key '{id}' is empty");
        }

        var secret = DecodeBase64Lenient(text)
            ?? throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key), $"HS256 key '{id}' is neither base64 nor base64url");
        CheckHs256Length(id, secret.Length);
        return secret;
    }

    public static void CheckHs256Length(string id, int secretBytes)
    {
        // RFC 7518 section 3.2: the HMAC key must be at least as long as the hash output.
        if (secretBytes < MinHmacSecretBytes)
        {
            throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key),
                $"HS256 key '{id}' is {secretBytes * 8} bits; at least {MinHmacSecretBytes * 8} are required");
        }
    }

    public static void CheckP256(string id, ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (key.KeySize != 256 || !curve.IsNamed || curve.Oid.Value != P256Oid)
        {
            throw new JwtKeyException(id, nameof(JwtKeyDescriptor.Key), $"ES256 key '{id}' is not on curve P-256");
        }
    }

    // Operators paste keys from many tools: accept both alphabets, optional padding and line breaks.
    private static byte[]? DecodeBase64Lenient(string text)
    {
        var chars = text.Where(c => !char.IsWhiteSpace(c)).Select(c => c switch { '-' => '+', '_' => '/', _ => c }).ToArray();
        var unpadded = new string(chars).TrimEnd('=');
        var padded = unpadded.PadRight(unpadded.Length + ((4 - (unpadded.Length % 4)) % 4), '=');
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return null;
        }

        var result = buffer.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        return result;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
