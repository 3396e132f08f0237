using System.Text.Json.Nodes;
using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

/// <summary>exp, nbf, iss, aud and the JSON types of every claim.</summary>
public sealed class JwtTokenValidatorClaimsTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    [Fact]
    public void Validate_JustBeforeExpiry_Succeeds()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        fixture.Time.Advance(Lifetime - TimeSpan.FromSeconds(1));

        Assert.True(fixture.Validator.Validate(token).Succeeded);
    }

    [Fact]
    public void Validate_ExpiredButWithinSkew_Succeeds()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        fixture.Time.Advance(Lifetime + Skew - TimeSpan.FromMilliseconds(1));

        Assert.True(fixture.Validator.Validate(token).Succeeded);
    }

    [Fact]
    public void Validate_ExpiredBeyondSkew_Expired()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        fixture.Time.Advance(Lifetime + Skew);
        var result = fixture.Validator.Validate(token);

        Assert.Equal(TokenValidationFailure.Expired, result.Failure);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Validate_ZeroSkewAtExpiry_Expired()
    {
        var options = TokenFixture.OptionsWith(TestKeys.Es256("k1")) with { ClockSkew = TimeSpan.Zero };
        using var fixture = TokenFixture.Create(options);
        var token = fixture.IssueToken();

        fixture.Time.Advance(Lifetime);

        Assert.Equal(TokenValidationFailure.Expired, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_IssuedAheadOfThisClockBeyondSkew_NotYetValid()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var behind = new TestTimeProvider(TestTimeProvider.DefaultStart - Skew - TimeSpan.FromSeconds(1));

        var result = fixture.ValidatorWith(fixture.Options, behind).Validate(token);

        Assert.Equal(TokenValidationFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public void Validate_IssuedAheadOfThisClockWithinSkew_Succeeds()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var behind = new TestTimeProvider(TestTimeProvider.DefaultStart - Skew);

        Assert.True(fixture.ValidatorWith(fixture.Options, behind).Validate(token).Succeeded);
    }

    [Fact]
    public void Validate_FutureNbf_NotYetValid()
    {
        using var fixture = TokenFixture.Es256();
        var nbf = TestTimeProvider.DefaultStart.AddMinutes(5).ToUnixTimeSeconds();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, payload: p => p["nbf"] = nbf);

        Assert.Equal(TokenValidationFailure.NotYetValid, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_FractionalNumericDate_Accepted()
    {
        using var fixture = TokenFixture.Es256();
        var exp = TestTimeProvider.DefaultStart.AddMinutes(1).ToUnixTimeSeconds() + 0.75;

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, payload: p => p["exp"] = exp);
        var result = fixture.Validator.Validate(token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(TestTimeProvider.DefaultStart.AddMinutes(1), result.Claims.Expires);
    }

    [Fact]
    public void Validate_WrongIssuer_WrongIssuer()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var other = fixture.Options with { Issuer = "https://other.test" };

        Assert.Equal(TokenValidationFailure.WrongIssuer, fixture.ValidatorWith(other).Validate(token).Failure);
    }

    [Fact]
    public void Validate_IssuerDiffersInCase_WrongIssuer()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, payload: p => p["iss"] = TokenFixture.IssuerName.ToUpperInvariant());

        Assert.Equal(TokenValidationFailure.WrongIssuer, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_WrongAudience_WrongAudience()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var other = fixture.Options with { Audience = "another-service" };

        Assert.Equal(TokenValidationFailure.WrongAudience, fixture.ValidatorWith(other).Validate(token).Failure);
    }

    [Fact]
    public void Validate_AudienceArrayContainingOurs_Succeeds()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey,
            payload: p => p["aud"] = new JsonArray("another-service", TokenFixture.AudienceName));

        Assert.True(fixture.Validator.Validate(token).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("another-service")]
    [InlineData("another-service,cluster-sessions-JWT")]
    public void Validate_AudienceArrayWithoutOurs_WrongAudience(string audienceList)
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey,
            payload: p => p["aud"] = new JsonArray([.. audienceList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => (JsonNode)a)]));

        Assert.Equal(TokenValidationFailure.WrongAudience, fixture.Validator.Validate(token).Failure);
    }

    public static TheoryData<string, string> WrongClaimTypes => new()
    {
        { "exp", "\"1893456000\"" },
        { "exp", "true" },
        { "exp", "null" },
        { "exp", "1e300" },
        { "exp", "-1e300" },
        { "exp", "99999999999999" },
        { "iat", "\"now\"" },
        { "nbf", "{}" },
        { "sub", "42" },
        { "sub", "null" },
        { "name", "[\"Alice\"]" },
        { "jti", "123" },
        { "iss", "[\"https://cluster-sessions.test\"]" },
        { "aud", "42" },
        { "aud", "[42]" },
        { "aud", "{\"aud\":\"cluster-sessions-jwt\"}" },
        { "cart", "{}" },
        { "cart", "[\"sku-1\"]" },
        { "cart", "[[\"sku-1\"]]" },
        { "cart", "[[\"sku-1\",\"2\"]]" },
        { "cart", "[[\"sku-1\",2,3]]" },
        { "cart", "[[\"sku-1\",2.5]]" },
        { "cart", "[[\"sku-1\",3000000000]]" },
        { "cart", "[[1,2]]" },
        { "cart", "[{\"sku\":\"sku-1\",\"quantity\":2}]" },
    };

    [Theory]
    [MemberData(nameof(WrongClaimTypes))]
    public void Validate_WrongClaimType_Malformed(string claim, string json)
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(new JwtCartItem("sku-1", 1)), fixture.Keys.SigningKey, payload: p => p[claim] = JsonNode.Parse(json));
        var result = fixture.Validator.Validate(token);

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
        Assert.Contains(claim, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    [InlineData("name")]
    [InlineData("jti")]
    [InlineData("iat")]
    [InlineData("nbf")]
    [InlineData("exp")]
    public void Validate_MissingRequiredClaim_Malformed(string claim)
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey, payload: p => p.Remove(claim));
        var result = fixture.Validator.Validate(token);

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
        Assert.Equal($"claim {claim} is missing", result.Message);
    }

    [Fact]
    public void Validate_DuplicateExpClaim_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var farFuture = TestTimeProvider.DefaultStart.AddYears(10).ToUnixTimeSeconds();
        var payload = RawToken.PayloadJson(token)[..^1] + $",\"exp\":{farFuture}}}";

        var result = fixture.Validator.Validate(RawToken.SignJson(fixture.Keys.SigningKey, RawToken.HeaderJson(token), payload));

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
        Assert.Equal("claim exp appears twice", result.Message);
    }

    [Fact]
    public void Validate_UnknownClaims_Ignored()
    {
        using var fixture = TokenFixture.Es256();

        var token = RawToken.Resign(fixture.IssueToken(), fixture.Keys.SigningKey,
            payload: p => p["roles"] = new JsonArray("admin", new JsonObject { ["nested"] = true }));

        Assert.True(fixture.Validator.Validate(token).Succeeded);
    }
}
