using System.Net;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// <c>exp</c> and <c>nbf</c> against the node's clock with <c>Jwt:ClockSkew</c> (30 s). Each test has its own node, so
/// moving its clock affects no other test.
/// </summary>
public sealed class JwtLifetimeTests : IDisposable
{
    private readonly JwtNodeHost _node = new();
    private readonly HttpClient _client;

    public JwtLifetimeTests() => _client = _node.CreateClient();

    [Fact]
    public async Task Me_PastExpPlusClockSkew_Returns401Expired()
    {
        var token = await JwtApi.LoginAsync(_client);

        _node.Clock.Advance(JwtNodeHost.AccessTokenLifetime + JwtNodeHost.ClockSkew + TimeSpan.FromSeconds(1));
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Expired);
    }

    [Fact]
    public async Task Me_PastExpButInsideClockSkew_Returns200()
    {
        var token = await JwtApi.LoginAsync(_client);

        _node.Clock.Advance(JwtNodeHost.AccessTokenLifetime + JwtNodeHost.ClockSkew - TimeSpan.FromSeconds(1));
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_JustBeforeExp_Returns200()
    {
        var token = await JwtApi.LoginAsync(_client);

        _node.Clock.Advance(JwtNodeHost.AccessTokenLifetime - TimeSpan.FromSeconds(1));
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_NbfBeyondClockSkew_Returns401NotYetValid()
    {
        var claims = TokenForge.Claims(_node);
        claims["nbf"] = _node.Clock.GetUtcNow().ToUnixTimeSeconds() + (long)JwtNodeHost.ClockSkew.TotalSeconds + 60;
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, _node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.NotYetValid);
    }

    [Fact]
    public async Task Me_NbfInsideClockSkew_Returns200()
    {
        var claims = TokenForge.Claims(_node);
        claims["nbf"] = _node.Clock.GetUtcNow().ToUnixTimeSeconds() + (long)JwtNodeHost.ClockSkew.TotalSeconds - 5;
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, _node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_NbfInTheFutureOnceTheClockCatchesUp_Returns200()
    {
        var claims = TokenForge.Claims(_node);
        claims["nbf"] = _node.Clock.GetUtcNow().ToUnixTimeSeconds() + 120;
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, _node.SigningKey);
        using (var early = await JwtApi.GetAsync(_client, "api/me", token))
        {
            await JwtApi.AssertRejectedAsync(early, RejectionReasons.NotYetValid);
        }

        _node.Clock.Advance(TimeSpan.FromSeconds(120));
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AddToCart_AfterTimePassed_ReissuedTokenLifetimeRestartsFromNow()
    {
        var token = await JwtApi.LoginAsync(_client);
        _node.Clock.Advance(TimeSpan.FromMinutes(7));

        using var response = await JwtApi.AddToCartAsync(_client, token, "pen");

        var reissued = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString()!;
        var claims = TokenForge.Segment(reissued, 1);
        var now = _node.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(now, claims.GetProperty("iat").GetInt64());
        Assert.Equal(now + (long)JwtNodeHost.AccessTokenLifetime.TotalSeconds, claims.GetProperty("exp").GetInt64());
    }

    public void Dispose()
    {
        _client.Dispose();
        _node.Dispose();
    }
}
