using System.Security.Cryptography;

namespace ClusterSessions.Tokens.Tests.TestSupport;

/// <summary>Key descriptors generated once per test run: P-256 key generation is cheap but not free.</summary>
internal static class TestKeys
{
    private static readonly Lazy<string> SharedEs256 = new(() => JwtKeyDescriptor.Generate("x").Key);

    public static JwtKeyDescriptor Es256(string id) => new() { Id = id, Algorithm = JwtAlgorithms.ES256, Key = SharedEs256.Value };

    public static JwtKeyDescriptor FreshEs256(string id) => JwtKeyDescriptor.Generate(id, JwtAlgorithms.ES256);

    public static JwtKeyDescriptor Hs256(string id) => JwtKeyDescriptor.Generate(id, JwtAlgorithms.HS256);

    public static JwtKeyDescriptor Hs256(string id, int bytes) =>
        new() { Id = id, Algorithm = JwtAlgorithms.HS256, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)) };
}
