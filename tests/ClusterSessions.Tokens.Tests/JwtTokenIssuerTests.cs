using System.Text.RegularExpressions;
using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

public sealed partial class JwtTokenIssuerTests
{
    [Fact]
    public void Issue_Es256_RoundTripsThroughValidator()
    {
        using var fixture = TokenFixture.Es256();
        var issued = fixture.TokenIssuer.Issue("alice", "Alice", [new("sku-1", 2), new("sku-2", 1)]);

        var result = fixture.Validator.Validate(issued.Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("k1", result.KeyId);
        Assert.Equal("alice", result.Claims.Subject);
        Assert.Equal("Alice", result.Claims.Name);
        Assert.Equal([new JwtCartItem("sku-1", 2), new JwtCartItem("sku-2", 1)], result.Claims.Cart);
        Assert.Equal(issued.Claims with { Cart = result.Claims.Cart }, result.Claims);
    }

    [Fact]
    public void Issue_Hs256_RoundTripsThroughValidator()
    {
        using var fixture = TokenFixture.Hs256();
        var issued = fixture.TokenIssuer.Issue("bob", "Bob", [new("sku-9", 3)]);

        var result = fixture.Validator.Validate(issued.Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("h1", result.KeyId);
        Assert.Equal([new JwtCartItem("sku-9", 3)], result.Claims.Cart);
        Assert.Equal("HS256", RawToken.Header(issued.Token)["alg"]!.GetValue<string>());
    }

    [Fact]
    public void Issue_Header_IsAlgKidTyp()
    {
        using var fixture = TokenFixture.Es256();

        var token = fixture.IssueToken();

        Assert.Equal("""{"alg":"ES256","kid":"k1","typ":"JWT"}""", RawToken.HeaderJson(token));
    }

    [Fact]
    public void Issue_Es256_SignatureIsRaw64Bytes()
    {
        using var fixture = TokenFixture.Es256();

        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(fixture.IssueToken().Split('.')[2]);

        // DER would be 70-72 bytes starting with 0x30; JWS needs R||S, 32 bytes each.
        Assert.Equal(64, signature.Length);
    }

    [Fact]
    public void Issue_Times_FollowClockAndLifetime()
    {
        var options = TokenFixture.OptionsWith(TestKeys.Es256("k1")) with { AccessTokenLifetime = TimeSpan.FromMinutes(5) };
        var time = new TestTimeProvider(TestTimeProvider.DefaultStart.AddMilliseconds(750));
        using var fixture = TokenFixture.Create(options, time);

        var claims = fixture.TokenIssuer.Issue("alice", "Alice", []).Claims;

        Assert.Equal(TestTimeProvider.DefaultStart, claims.IssuedAt);
        Assert.Equal(TestTimeProvider.DefaultStart, claims.NotBefore);
        Assert.Equal(TestTimeProvider.DefaultStart.AddMinutes(5), claims.Expires);
        var payload = RawToken.Payload(fixture.IssueToken());
        Assert.Equal(TestTimeProvider.DefaultStart.ToUnixTimeSeconds(), payload["iat"]!.GetValue<long>());
        Assert.Equal(TestTimeProvider.DefaultStart.AddMinutes(5).ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
    }

    [Fact]
    public void Issue_TokenId_Is128RandomBitsBase64Url()
    {
        using var fixture = TokenFixture.Hs256();

        var ids = Enumerable.Range(0, 100).Select(_ => fixture.TokenIssuer.Issue("alice", "Alice", []).Claims.TokenId).ToList();

        Assert.All(ids, id => Assert.Matches(Base64Url22(), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Issue_Payload_UsesCompactCartAndOptionsIssuerAudience()
    {
        using var fixture = TokenFixture.Es256();

        var json = RawToken.PayloadJson(fixture.IssueToken(new JwtCartItem("sku-1", 2), new JwtCartItem("sku-2", 10)));

        Assert.StartsWith("""{"iss":"https://cluster-sessions.test","aud":"cluster-sessions-jwt","sub":"alice","name":"Alice","iat":""", json);
        Assert.EndsWith(""","cart":[["sku-1",2],["sku-2",10]]}""", json);
    }

    [Fact]
    public void Issue_EmptyCart_OmitsCartClaim()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        Assert.False(RawToken.Payload(token).ContainsKey("cart"));
        Assert.Empty(fixture.Validator.Validate(token).Claims!.Cart);
    }

    [Fact]
    public void Issue_NonAsciiName_RoundTripsAsUtf8()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.TokenIssuer.Issue("jose", "José Ñandú \"Q\" <b>", [new("café-1", 1)]).Token;

        var result = fixture.Validator.Validate(token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("José Ñandú \"Q\" <b>", result.Claims.Name);
        Assert.Contains("José", RawToken.PayloadJson(token), StringComparison.Ordinal);
    }

    [Fact]
    public void ByteCount_Always_EqualsUtf8Length()
    {
        using var fixture = TokenFixture.Es256();

        var issued = fixture.TokenIssuer.Issue("alice", "Zoë", [new("sku-1", 1)]);

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(issued.Token), issued.ByteCount);
    }

    [Fact]
    public void Reissue_NewCart_KeepsIdentityAndTokenIdAndSlidesLifetime()
    {
        using var fixture = TokenFixture.Es256();
        var first = fixture.TokenIssuer.Issue("alice", "Alice", []);
        fixture.Time.Advance(TimeSpan.FromMinutes(10));

        var second = fixture.TokenIssuer.Reissue(first.Claims, [new("sku-1", 1)]);

        Assert.Equal(first.Claims.TokenId, second.Claims.TokenId);
        Assert.Equal("alice", second.Claims.Subject);
        Assert.Equal(first.Claims.Expires.AddMinutes(10), second.Claims.Expires);
        Assert.True(fixture.Validator.Validate(second.Token).Succeeded);
    }

    [Fact]
    public void TryReissue_TokenOverLimit_ReturnsFalseWithSize()
    {
        using var fixture = TokenFixture.Es256();
        var claims = fixture.TokenIssuer.Issue("alice", "Alice", []).Claims;
        var bigCart = Enumerable.Range(0, 200).Select(i => new JwtCartItem($"sku-{i:D5}", 1)).ToList();

        var fits = fixture.TokenIssuer.TryReissue(claims, bigCart, 4096, out var token);

        Assert.False(fits);
        Assert.True(token.ByteCount > 4096);
    }

    [Fact]
    public void TryIssue_TokenUnderLimit_ReturnsTrue()
    {
        using var fixture = TokenFixture.Es256();

        var fits = fixture.TokenIssuer.TryIssue("alice", "Alice", [new("sku-1", 1)], 4096, out var token);

        Assert.True(fits);
        Assert.InRange(token.ByteCount, 1, 4096);
    }

    [Fact]
    public void Constructor_PublicOnlySigningKey_Throws()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var publicOnly = System.Security.Cryptography.ECDsa.Create(ecdsa.ExportParameters(false));
        using var keys = new JwtKeySet([JwtSigningKey.CreateEs256("pub", publicOnly)]);

        var ex = Assert.Throws<JwtKeyException>(() => new JwtTokenIssuer(keys, TokenFixture.OptionsWith(), TimeProvider.System));

        Assert.Contains("'pub'", ex.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex Base64Url22();
}
