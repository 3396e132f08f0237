using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

public sealed class JwtKeySetTests
{
    [Fact]
    public void Rotation_NewKeyAppended_OldTokensStillValidate()
    {
        var oldKey = TestKeys.FreshEs256("2025-01");
        var time = new TestTimeProvider();
        using var before = TokenFixture.Create(TokenFixture.OptionsWith(oldKey), time);
        var oldToken = before.IssueToken();

        using var after = TokenFixture.Create(TokenFixture.OptionsWith(oldKey, TestKeys.FreshEs256("2025-02")), time);
        var result = after.Validator.Validate(oldToken);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("2025-01", result.KeyId);
    }

    [Fact]
    public void Rotation_NewKeyAppended_NewTokensUseNewKey()
    {
        using var fixture = TokenFixture.Create(TestKeys.FreshEs256("2025-01"), TestKeys.FreshEs256("2025-02"));

        var token = fixture.IssueToken();

        Assert.Equal("2025-02", fixture.TokenIssuer.SigningKeyId);
        Assert.Equal("2025-02", RawToken.Header(token)["kid"]!.GetValue<string>());
        Assert.Equal("2025-02", fixture.Validator.Validate(token).KeyId);
    }

    [Fact]
    public void Rotation_OldKeyRemoved_OldTokensRejected()
    {
        var oldKey = TestKeys.FreshEs256("2025-01");
        var newKey = TestKeys.FreshEs256("2025-02");
        var time = new TestTimeProvider();
        using var before = TokenFixture.Create(TokenFixture.OptionsWith(oldKey), time);
        var oldToken = before.IssueToken();

        using var after = TokenFixture.Create(TokenFixture.OptionsWith(newKey), time);

        Assert.Equal(TokenValidationFailure.UnknownKey, after.Validator.Validate(oldToken).Failure);
    }

    [Fact]
    public void Rotation_MixedAlgorithms_EachKeyVerifiesItsOwnTokens()
    {
        var hmac = TestKeys.Hs256("h-old");
        var time = new TestTimeProvider();
        using var before = TokenFixture.Create(TokenFixture.OptionsWith(hmac), time);
        var hmacToken = before.IssueToken();

        using var after = TokenFixture.Create(TokenFixture.OptionsWith(hmac, TestKeys.Es256("e-new")), time);

        Assert.True(after.Validator.Validate(hmacToken).Succeeded);
        Assert.Equal("ES256", RawToken.Header(after.IssueToken())["alg"]!.GetValue<string>());
    }

    [Fact]
    public void Create_DuplicateIds_ThrowsNamingKey()
    {
        var ex = Assert.Throws<JwtKeyException>(() => JwtKeySet.Create([TestKeys.Hs256("dup"), TestKeys.Es256("dup")]));

        Assert.Contains("'dup'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoKeys_Throws()
    {
        Assert.Throws<JwtKeyException>(() => JwtKeySet.Create([]));
    }

    [Fact]
    public void TryGetKey_IdDiffersInCase_NotFound()
    {
        using var keys = JwtKeySet.Create([TestKeys.Es256("Key1")]);

        Assert.False(keys.TryGetKey("key1", out _));
        Assert.True(keys.TryGetKey("Key1", out var key));
        Assert.Equal("ES256", key.Algorithm);
    }
}
