using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

public sealed class JsonWebKeySetTests
{
    [Fact]
    public void ToJson_Es256Key_HasRfc7518EcMembers()
    {
        using var keys = JwtKeySet.Create([TestKeys.Es256("k1")]);

        using var doc = JsonDocument.Parse(keys.JsonWebKeySet.ToJson());
        var key = Assert.Single(doc.RootElement.GetProperty("keys").EnumerateArray().ToList());

        Assert.Equal(["kty", "crv", "x", "y", "kid", "alg", "use"], key.EnumerateObject().Select(p => p.Name));
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("k1", key.GetProperty("kid").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(32, Base64Url.DecodeFromChars(key.GetProperty("x").GetString()).Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(key.GetProperty("y").GetString()).Length);
    }

    [Fact]
    public void ToJson_Hs256Keys_NeverPublished()
    {
        var hmac = TestKeys.Hs256("secret-key");
        using var keys = JwtKeySet.Create([hmac, TestKeys.Es256("k1")]);

        var json = keys.JsonWebKeySet.ToJson();

        Assert.DoesNotContain("secret-key", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"k\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(hmac.Key, json, StringComparison.Ordinal);
        Assert.Equal(["k1"], keys.JsonWebKeySet.Keys.Select(k => k.Kid));
    }

    [Fact]
    public void ToJson_OnlyHmacKeys_EmptySet()
    {
        using var keys = JwtKeySet.Create([TestKeys.Hs256("h1")]);

        Assert.Equal("""{"keys":[]}""", keys.JsonWebKeySet.ToJson());
    }

    [Fact]
    public void ToJson_PublishedCoordinates_RebuildKeyThatVerifiesToken()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken(new JwtCartItem("sku-1", 1));
        var jwk = fixture.Keys.JsonWebKeySet.Keys[0];

        using var rebuilt = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
        });
        var lastDot = token.LastIndexOf('.');

        Assert.True(rebuilt.VerifyData(
            Encoding.ASCII.GetBytes(token[..lastDot]),
            Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1)),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        // A verifier that only has the JWK Set accepts the token too.
        using var verifierKeys = new JwtKeySet([JwtSigningKey.CreateEs256(jwk.Kid, rebuilt)]);
        var result = new JwtTokenValidator(verifierKeys, fixture.Options, fixture.Time).Validate(token);
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public void ToJson_CoordinatesWithLeadingZeros_StayFullLength()
    {
        // About 1 key in 128 has a coordinate starting with a zero byte; search for one so padding is exercised.
        for (var i = 0; i < 5000; i++)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var q = ecdsa.ExportParameters(false).Q;
            if (q.X![0] != 0 && q.Y![0] != 0)
            {
                continue;
            }

            using var key = JwtSigningKey.CreateEs256("z", ecdsa);
            using var keys = new JwtKeySet([key]);
            var jwk = keys.JsonWebKeySet.Keys[0];
            Assert.Equal(43, jwk.X.Length);
            Assert.Equal(43, jwk.Y.Length);
            Assert.Equal(q.X, Base64Url.DecodeFromChars(jwk.X));
            Assert.Equal(q.Y, Base64Url.DecodeFromChars(jwk.Y));
            return;
        }

        Assert.Fail("no key with a leading zero coordinate in 5000 tries");
    }
}
