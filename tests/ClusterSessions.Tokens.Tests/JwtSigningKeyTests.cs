using System.Security.Cryptography;
using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

public sealed class JwtSigningKeyTests
{
    [Theory]
    [InlineData(16, 128)]
    [InlineData(31, 248)]
    public void FromDescriptor_WeakHs256Secret_ThrowsNamingKeyAndBits(int bytes, int bits)
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(TestKeys.Hs256("k1", bytes)));

        Assert.Equal($"HS256 key 'k1' is {bits} bits; at least 256 are required", ex.Message);
        Assert.Equal("k1", ex.KeyId);
        Assert.Equal("Key", ex.Field);
    }

    [Fact]
    public void CreateHs256_WeakSecret_ThrowsNamingKey()
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.CreateHs256("short", new byte[20]));

        Assert.Contains("'short'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDescriptor_Hs256Base64UrlSecret_Accepted()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        secret[0] = 0xFB; // forces '-' or '_' into the base64url text
        var descriptor = new JwtKeyDescriptor { Id = "h", Algorithm = "HS256", Key = System.Buffers.Text.Base64Url.EncodeToString(secret) };

        using var key = JwtSigningKey.FromDescriptor(descriptor);

        Assert.Equal("HS256", key.Algorithm);
    }

    [Theory]
    [InlineData("not base64 !!!")]
    [InlineData("")]
    [InlineData("   ")]
    public void FromDescriptor_Hs256Garbage_ThrowsNamingKey(string secret)
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(new() { Id = "h9", Algorithm = "HS256", Key = secret }));

        Assert.Contains("'h9'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDescriptor_Es256Pem_Accepted()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var key = JwtSigningKey.FromDescriptor(new() { Id = "pem", Key = ecdsa.ExportPkcs8PrivateKeyPem() });

        Assert.True(key.CanSign);
        Assert.Equal("ES256", key.Algorithm);
    }

    [Fact]
    public void FromDescriptor_Es256P384_ThrowsNamingCurve()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(new() { Id = "p384", Key = Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey()) }));

        Assert.Contains("'p384'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("P-256", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    [InlineData("%%%")]
    public void FromDescriptor_Es256Garbage_ThrowsNamingKey(string key)
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(new() { Id = "e1", Key = key }));

        Assert.Contains("'e1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Key", ex.Field);
    }

    [Fact]
    public void FromDescriptor_Es256PublicKeyOnly_Throws()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(new() { Id = "pub", Key = ecdsa.ExportSubjectPublicKeyInfoPem() }));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("none")]
    [InlineData("es256")]
    public void FromDescriptor_UnsupportedAlgorithm_ThrowsNamingField(string algorithm)
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(new() { Id = "a1", Algorithm = algorithm, Key = "x" }));

        Assert.Equal("Algorithm", ex.Field);
        Assert.Contains("'a1'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    [InlineData("ünïcode")]
    public void FromDescriptor_BadId_ThrowsForIdField(string id)
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtSigningKey.FromDescriptor(TestKeys.Hs256("ok") with { Id = id }));

        Assert.Equal("Id", ex.Field);
    }

    [Fact]
    public void FromDescriptor_Es256_Signs64ByteRawSignature()
    {
        using var key = JwtSigningKey.FromDescriptor(TestKeys.Es256("k1"));
        var signature = new byte[key.SignatureSize];

        var written = key.Sign("data"u8, signature);

        Assert.Equal(64, written);
        Assert.True(key.Verify("data"u8, signature));
        Assert.False(key.Verify("datb"u8, signature));
    }

    [Fact]
    public void Sign_ConcurrentCallers_AllSignaturesVerify()
    {
        using var key = JwtSigningKey.FromDescriptor(TestKeys.Es256("k1"));

        var results = new bool[2000];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            Span<byte> signature = stackalloc byte[64];
            var data = BitConverter.GetBytes(i);
            key.Sign(data, signature);
            results[i] = key.Verify(data, signature);
        });

        Assert.All(results, Assert.True);
    }
}
