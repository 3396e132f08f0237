using System.Security.Cryptography;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// <c>Jwt:MaxLifetime</c> (default one hour) and <c>iat</c>: a token signed with the pool's real key is still refused
/// when it claims a longer life than the pool ever issues, says nothing of when it was issued, or was issued in the
/// future beyond the clock skew. Nothing here moves the node's clock, so the tests share one node.
/// </summary>
public sealed class JwtMaxLifetimeTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Me_SignedWithTheRealKeyExpTenYearsAhead_Returns401LongerThanMaxLifetime()
    {
        var token = Sign(issuedAt: Now, expires: Now + (long)TimeSpan.FromDays(3650).TotalSeconds);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.LongerThanMaxLifetime);
    }

    [Fact]
    public async Task Me_ExpTenYearsAheadSignedByAnotherKey_Returns401SignatureInvalid()
    {
        // The signature is checked first: a forger learns nothing from the lifetime rule.
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var claims = TokenForge.Claims(node);
        claims["exp"] = Now + (long)TimeSpan.FromDays(3650).TotalSeconds;
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, attacker);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_ExpMinusIatOneSecondOverMaxLifetime_Returns401LongerThanMaxLifetime()
    {
        var token = Sign(issuedAt: Now, expires: Now + (long)MaxLifetime.TotalSeconds + 1);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.LongerThanMaxLifetime);
    }

    [Fact]
    public async Task Me_IssuedTwoHoursAgoAndNotExpired_Returns401LongerThanMaxLifetime()
    {
        // Not expired, but no token this pool issues lives that long: a re-issue restarts iat.
        var token = Sign(issuedAt: Now - (long)TimeSpan.FromHours(2).TotalSeconds, expires: Now + 60);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.LongerThanMaxLifetime);
    }

    [Fact]
    public async Task Me_ExpMinusIatExactlyMaxLifetime_Returns200()
    {
        var token = Sign(issuedAt: Now, expires: Now + (long)MaxLifetime.TotalSeconds);

        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task Me_ExpMinusIatTheNormalAccessTokenLifetime_Returns200()
    {
        var token = Sign(issuedAt: Now, expires: Now + (long)JwtNodeHost.AccessTokenLifetime.TotalSeconds);

        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task Me_TokenTheNodeIssuedAtLogin_Returns200()
    {
        var token = await JwtApi.LoginAsync(_client, "bob");

        Assert.Equal("bob", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task Me_NoIat_Returns401NoIssuedAt()
    {
        var claims = TokenForge.Claims(node);
        claims.Remove("iat");
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.NoIssuedAt);
    }

    [Fact]
    public async Task Me_IatBeyondClockSkewInTheFuture_Returns401IssuedInTheFuture()
    {
        var issuedAt = Now + (long)JwtNodeHost.ClockSkew.TotalSeconds + 60;
        var token = Sign(issuedAt, expires: issuedAt + (long)JwtNodeHost.AccessTokenLifetime.TotalSeconds);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.IssuedInTheFuture);
    }

    [Fact]
    public async Task Me_IatInTheFutureInsideClockSkew_Returns200()
    {
        // Another node's clock a few seconds ahead: tolerated, as for nbf.
        var issuedAt = Now + (long)JwtNodeHost.ClockSkew.TotalSeconds - 5;
        var token = Sign(issuedAt, expires: issuedAt + (long)JwtNodeHost.AccessTokenLifetime.TotalSeconds);

        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
    }

    private long Now => node.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A valid login of alice, signed with the node's real key, with the given <c>iat</c> and <c>exp</c>.</summary>
    private string Sign(long issuedAt, long expires)
    {
        var claims = TokenForge.Claims(node);
        claims["iat"] = issuedAt;
        claims["nbf"] = Math.Min(issuedAt, Now);
        claims["exp"] = expires;
        return TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);
    }
}
