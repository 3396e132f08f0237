using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClusterSessions.Tokens;

internal sealed class EcdsaSigningKey : JwtSigningKey
{
    // RFC 7518 section 3.4: R and S as two 32-byte big-endian integers, not DER.
    private const int P256SignatureBytes = 64;
    private const int P256CoordinateBytes = 32;

    private readonly EcdsaPool _pool;
    private readonly JsonWebKey _publicJwk;

    public EcdsaSigningKey(string id, ECDsa key)
        : base(id, JwtAlgorithms.ES256)
    {
        ECParameters parameters;
        try
        {
            parameters = key.ExportParameters(includePrivateParameters: true);
            CanSign = true;
        }
        catch (CryptographicException)
        {
            parameters = key.ExportParameters(includePrivateParameters: false);
        }

        _pool = new EcdsaPool(parameters);
        _publicJwk = new JsonWebKey
        {
            Kty = "EC",
            Crv = "P-256",
            X = EncodeCoordinate(parameters.Q.X),
            Y = EncodeCoordinate(parameters.Q.Y),
            Kid = id,
            Alg = JwtAlgorithms.ES256,
            Use = "sig",
        };
    }

    public override bool CanSign { get; }

    internal override int SignatureSize => P256SignatureBytes;

    internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        if (!CanSign)
        {
            throw new InvalidOperationException($"ES256 key '{Id}' has no private key.");
        }

        var ecdsa = _pool.Rent();
        try
        {
            if (!ecdsa.TrySignData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
                || written != P256SignatureBytes)
            {
                throw new CryptographicException("ES256 signature did not fit its buffer.");
            }

            return written;
        }
        finally
        {
            _pool.Return(ecdsa);
        }
    }

    internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != P256SignatureBytes)
        {
            return false;
        }

        var ecdsa = _pool.Rent();
        try
        {
            return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            _pool.Return(ecdsa);
        }
    }

    internal override JsonWebKey ToPublicJsonWebKey() => _publicJwk;

    private protected override void DisposeCore() => _pool.Dispose();

    // RFC 7518 section 6.2.1.2: coordinates are the full field size, left-padded with zeros.
    private static string EncodeCoordinate(byte[]? coordinate)
    {
        ArgumentNullException.ThrowIfNull(coordinate);
        Span<byte> padded = stackalloc byte[P256CoordinateBytes];
        padded.Clear();
        coordinate.AsSpan().CopyTo(padded[(P256CoordinateBytes - coordinate.Length)..]);
        return Base64Url.EncodeToString(padded);
    }
}
