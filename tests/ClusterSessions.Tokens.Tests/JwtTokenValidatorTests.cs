using System.Security.Cryptography;
using System.Text;
using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

/// <summary>Signature, algorithm and key selection (RFC 8725 sections 3.1 and 3.2).</summary>
public sealed class JwtTokenValidatorTests
{
    [Fact]
    public void Validate_TamperedPayload_BadSignature()
    {
        using var fixture = TokenFixture.Es256();
        var parts = fixture.IssueToken().Split('.');
        var payload = RawToken.PayloadJson(string.Join('.', parts)).Replace("\"alice\"", "\"admin\"", StringComparison.Ordinal);

        var result = fixture.Validator.Validate($"{parts[0]}.{RawToken.Segment(payload)}.{parts[2]}");

        Assert.Equal(TokenValidationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Validate_TamperedCart_BadSignature()
    {
        using var fixture = TokenFixture.Hs256();
        var parts = fixture.IssueToken(new JwtCartItem("sku-1", 1)).Split('.');
        var payload = RawToken.PayloadJson(string.Join('.', parts)).Replace("[\"sku-1\",1]", "[\"sku-1\",99]", StringComparison.Ordinal);

        var result = fixture.Validator.Validate($"{parts[0]}.{RawToken.Segment(payload)}.{parts[2]}");

        Assert.Equal(TokenValidationFailure.BadSignature, result.Failure);
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("HS256")]
    public void Validate_TamperedSignature_BadSignature(string algorithm)
    {
        using var fixture = algorithm == "ES256" ? TokenFixture.Es256() : TokenFixture.Hs256();
        var token = fixture.IssueToken();
        var signatureStart = token.LastIndexOf('.') + 1;
        var chars = token.ToCharArray();
        chars[signatureStart + 5] = chars[signatureStart + 5] == 'A' ? 'B' : 'A';

        var result = fixture.Validator.Validate(new string(chars));

        Assert.Equal(TokenValidationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Validate_SignatureOfOtherToken_BadSignature()
    {
        using var fixture = TokenFixture.Es256();
        var a = fixture.IssueToken().Split('.');
        var b = fixture.IssueToken(new JwtCartItem("sku-1", 1)).Split('.');

        var result = fixture.Validator.Validate($"{a[0]}.{a[1]}.{b[2]}");

        Assert.Equal(TokenValidationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Validate_TruncatedSignature_BadSignature()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        var result = fixture.Validator.Validate(token[..^2]); // 84 characters: valid base64url, 63 bytes

        Assert.Equal(TokenValidationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Validate_AlgNoneWithoutSignature_AlgorithmMismatch()
    {
        using var fixture = TokenFixture.Es256();
        var parts = fixture.IssueToken().Split('.');
        var header = RawToken.Segment("""{"alg":"none","kid":"k1","typ":"JWT"}""");

        var result = fixture.Validator.Validate($"{header}.{parts[1]}.");

        Assert.Equal(TokenValidationFailure.AlgorithmMismatch, result.Failure);
    }

    [Fact]
    public void Validate_AlgNoneWithOriginalSignature_AlgorithmMismatch()
    {
        using var fixture = TokenFixture.Es256();
        var parts = fixture.IssueToken().Split('.');
        var header = RawToken.Segment("""{"alg":"none","kid":"k1","typ":"JWT"}""");

        var result = fixture.Validator.Validate($"{header}.{parts[1]}.{parts[2]}");

        Assert.Equal(TokenValidationFailure.AlgorithmMismatch, result.Failure);
    }

    [Fact]
    public void Validate_AlgNoneTwoSegments_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var parts = fixture.IssueToken().Split('.');
        var header = RawToken.Segment("""{"alg":"none","typ":"JWT"}""");

        var result = fixture.Validator.Validate($"{header}.{parts[1]}");

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("es256")]
    [InlineData("RS256")]
    [InlineData("ES384")]
    [InlineData("PS256")]
    [InlineData("")]
    public void Validate_UnacceptedAlgorithm_AlgorithmMismatch(string alg)
    {
        using var fixture = TokenFixture.Es256();
        var key = fixture.Keys.SigningKey;

        var result = fixture.Validator.Validate(RawToken.Resign(fixture.IssueToken(), key, header: h => h["alg"] = alg));

        Assert.Equal(TokenValidationFailure.AlgorithmMismatch, result.Failure);
    }

    /// <summary>
    /// The classic confusion attack: the attacker knows the EC public key (it is published), sets
    /// alg=HS256 and uses the public key bytes as the HMAC secret. The key pins ES256, so it fails.
    /// </summary>
    [Theory]
    [InlineData("spki-der")]
    [InlineData("spki-pem")]
    [InlineData("jwk-json")]
    [InlineData("x-coordinate")]
    public void Validate_Hs256SignedWithEcPublicKey_AlgorithmMismatch(string secretForm)
    {
        using var fixture = TokenFixture.Es256();
        using var ec = ECDsa.Create();
        ec.ImportPkcs8PrivateKey(Convert.FromBase64String(TestKeys.Es256("k1").Key), out _);
        var jwk = fixture.Keys.JsonWebKeySet.Keys[0];
        var secret = secretForm switch
        {
            "spki-der" => ec.ExportSubjectPublicKeyInfo(),
            "spki-pem" => Encoding.ASCII.GetBytes(ec.ExportSubjectPublicKeyInfoPem()),
            "jwk-json" => Encoding.UTF8.GetBytes(fixture.Keys.JsonWebKeySet.ToJson()),
            _ => System.Buffers.Text.Base64Url.DecodeFromChars(jwk.X),
        };
        var payload = RawToken.PayloadJson(fixture.IssueToken());

        var token = RawToken.SignHmac(secret, """{"alg":"HS256","kid":"k1","typ":"JWT"}""", payload);
        var result = fixture.Validator.Validate(token);

        Assert.False(result.Succeeded);
        Assert.Equal(TokenValidationFailure.AlgorithmMismatch, result.Failure);
    }

    [Fact]
    public void Validate_Es256HeaderAgainstHmacKey_AlgorithmMismatch()
    {
        using var fixture = TokenFixture.Create(TestKeys.Hs256("h1"), TestKeys.Es256("k1"));

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["kid"] = "h1");
        var result = fixture.Validator.Validate(token);

        Assert.Equal(TokenValidationFailure.AlgorithmMismatch, result.Failure);
    }

    [Fact]
    public void Validate_UnknownKid_UnknownKey()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["kid"] = "k2");

        Assert.Equal(TokenValidationFailure.UnknownKey, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_MissingKidWithSingleKey_UnknownKey()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h.Remove("kid"));

        Assert.Equal(TokenValidationFailure.UnknownKey, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_KidOfOtherKeyInSet_BadSignature()
    {
        using var fixture = TokenFixture.Create(TestKeys.FreshEs256("old"), TestKeys.FreshEs256("new"));

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["kid"] = "old");

        Assert.Equal(TokenValidationFailure.BadSignature, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_CritHeader_UnsupportedCriticalHeader()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["crit"] = new System.Text.Json.Nodes.JsonArray("exp"));

        Assert.Equal(TokenValidationFailure.UnsupportedCriticalHeader, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_UnknownNonCriticalHeader_Ignored()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["jku"] = "https://attacker.example/jwks");

        Assert.True(fixture.Validator.Validate(token).Succeeded);
    }

    [Fact]
    public void Validate_DuplicateAlgHeader_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var payload = RawToken.PayloadJson(fixture.IssueToken());

        var token = RawToken.SignJson(fixture.Keys.SigningKey, """{"alg":"ES256","kid":"k1","typ":"JWT","alg":"none"}""", payload);

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_EscapedDuplicateAlgHeader_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var payload = RawToken.PayloadJson(fixture.IssueToken());

        var token = RawToken.SignJson(fixture.Keys.SigningKey, """{"alg":"ES256","kid":"k1","typ":"JWT","\u0061lg":"none"}""", payload);

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(token).Failure);
    }

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("JOSE")]
    public void Validate_OtherTyp_WrongType(string typ)
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["typ"] = typ);

        Assert.Equal(TokenValidationFailure.WrongType, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_MissingTyp_WrongType()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h.Remove("typ"));

        Assert.Equal(TokenValidationFailure.WrongType, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_TypDiffersOnlyInCase_Succeeds()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, header: h => h["typ"] = "jwt");

        Assert.True(fixture.Validator.Validate(token).Succeeded);
    }

    [Fact]
    public void Validate_ConfiguredExplicitType_RequiresIt()
    {
        var options = TokenFixture.OptionsWith(TestKeys.Es256("k1")) with { TokenType = "cs+jwt" };
        using var fixture = TokenFixture.Create(options);
        var token = fixture.IssueToken();

        Assert.Equal("cs+jwt", RawToken.Header(token)["typ"]!.GetValue<string>());
        Assert.True(fixture.Validator.Validate(token).Succeeded);
        Assert.Equal(TokenValidationFailure.WrongType,
            fixture.ValidatorWith(TokenFixture.OptionsWith(TestKeys.Es256("k1"))).Validate(token).Failure);
    }
}
