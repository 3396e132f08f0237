using System.Security.Cryptography;

namespace ClusterSessions.Tokens;

internal sealed class HmacSigningKey : JwtSigningKey
{
    private const int Sha256Bytes = 32;

    private readonly byte[] _secret;

    public HmacSigningKey(string id, byte[] secret)
        : base(id, JwtAlgorithms.HS256) => _secret = secret;

    public override bool CanSign => true;

    internal override int SignatureSize => Sha256Bytes;

    internal override int Sign(ReadOnlySpan<byte> data, Span<byte> signature) =>
        HMACSHA256.HashData(_secret, data, signature);

    internal override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        Span<byte> expected = stackalloc byte[Sha256Bytes];
        HMACSHA256.HashData(_secret, data, expected);

        // Constant time, so response timing does not reveal how many leading bytes of a forged MAC were right.
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    // A shared secret is never published: whoever holds it can mint tokens.
    internal override JsonWebKey? ToPublicJsonWebKey() => null;

    private protected override void DisposeCore() => CryptographicOperations.ZeroMemory(_secret);
}
