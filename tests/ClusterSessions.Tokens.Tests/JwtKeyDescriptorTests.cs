using System.Security.Cryptography;

namespace ClusterSessions.Tokens.Tests;

public sealed class JwtKeyDescriptorTests
{
    [Fact]
    public void Generate_Es256_IsPkcs8P256PrivateKey()
    {
        var descriptor = JwtKeyDescriptor.Generate("k1");

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(descriptor.Key), out _);
        Assert.Equal("ES256", descriptor.Algorithm);
        Assert.Equal(256, ecdsa.KeySize);
    }

    [Fact]
    public void Generate_Hs256_Is256RandomBits()
    {
        var a = JwtKeyDescriptor.Generate("h1", JwtAlgorithms.HS256);
        var b = JwtKeyDescriptor.Generate("h2", JwtAlgorithms.HS256);

        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(a.Key).Length);
        Assert.NotEqual(a.Key, b.Key);
        using var key = JwtSigningKey.FromDescriptor(a);
        Assert.Equal("HS256", key.Algorithm);
    }

    [Fact]
    public void Generate_CreatedAt_IsKept()
    {
        var at = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(at, JwtKeyDescriptor.Generate("k1", JwtAlgorithms.ES256, at).CreatedAt);
    }

    [Fact]
    public void Generate_UnknownAlgorithm_Throws()
    {
        Assert.Throws<ArgumentException>(() => JwtKeyDescriptor.Generate("k1", "RS256"));
    }

    [Fact]
    public void ToString_Always_HidesKeyMaterial()
    {
        var descriptor = JwtKeyDescriptor.Generate("k1", JwtAlgorithms.HS256);

        var text = descriptor.ToString();

        Assert.DoesNotContain(descriptor.Key, text, StringComparison.Ordinal);
        Assert.Contains("k1", text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }
}
