using System.Globalization;
using System.Net;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>The token a login issues on the <c>jwt</c> pool: its header, its claims, and the two ways it is presented.</summary>
public sealed class JwtLoginTokenTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Login_ValidCredentials_Returns200WithUserNodeAndToken()
    {
        using var response = await JwtApi.PostAsync(_client, "api/login", json: """{"username":"alice","password":"alice-secret"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JwtApi.ReadJsonAsync(response);
        Assert.Equal("alice", body.GetProperty("user").GetString());
        Assert.Equal(JwtNodeHost.NodeId, body.GetProperty("node").GetString());
        Assert.Equal(3, body.GetProperty("token").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task Login_ValidCredentials_SetsTheSameTokenAsHttpOnlyCookieScopedToThePool()
    {
        using var response = await JwtApi.PostAsync(_client, "api/login", json: """{"username":"alice","password":"alice-secret"}""");

        var token = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString();
        var setCookie = JwtApi.SetCookie(response, JwtNodeHost.TokenCookieName);
        Assert.NotNull(setCookie);
        Assert.Equal(token, JwtApi.CookieValue(response, JwtNodeHost.TokenCookieName));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=" + JwtNodeHost.PathBase, setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_Token_HeaderIsEs256TypJwtWithConfiguredKid()
    {
        var token = await JwtApi.LoginAsync(_client);

        var header = TokenForge.Segment(token, 0);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.Equal(JwtNodeHost.KeyId, header.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Login_Token_CarriesIssuerAudienceSubjectNameAndJti()
    {
        var token = await JwtApi.LoginAsync(_client, "bob");

        var claims = TokenForge.Segment(token, 1);
        Assert.Equal(JwtNodeHost.Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal(JwtNodeHost.Audience, claims.GetProperty("aud").GetString());
        Assert.Equal("bob", claims.GetProperty("sub").GetString());
        Assert.Equal("bob", claims.GetProperty("name").GetString());
        // 128 random bits, base64url: 22 characters.
        Assert.Equal(22, claims.GetProperty("jti").GetString()!.Length);
    }

    [Fact]
    public async Task Login_TwoLogins_GetDifferentJtis()
    {
        var first = await JwtApi.LoginAsync(_client);
        var second = await JwtApi.LoginAsync(_client);

        Assert.NotEqual(
            TokenForge.Segment(first, 1).GetProperty("jti").GetString(),
            TokenForge.Segment(second, 1).GetProperty("jti").GetString());
    }

    [Fact]
    public async Task Login_Token_IatAndNbfAreTheNodeClockAndExpIsIatPlusAccessTokenLifetime()
    {
        var token = await JwtApi.LoginAsync(_client);

        var claims = TokenForge.Segment(token, 1);
        var now = node.Clock.GetUtcNow().ToUnixTimeSeconds();
        var iat = claims.GetProperty("iat").GetInt64();
        Assert.Equal(now, iat);
        Assert.Equal(now, claims.GetProperty("nbf").GetInt64());
        Assert.Equal((long)JwtNodeHost.AccessTokenLifetime.TotalSeconds, claims.GetProperty("exp").GetInt64() - iat);
    }

    [Fact]
    public async Task Me_LoginTokenAsBearer_Returns200WithUserNodeAndStrategy()
    {
        var token = await JwtApi.LoginAsync(_client, "bob");

        using var response = await JwtApi.GetAsync(_client, "api/me", bearer: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JwtApi.ReadJsonAsync(response);
        Assert.Equal("bob", body.GetProperty("user").GetString());
        Assert.Equal(JwtNodeHost.NodeId, body.GetProperty("node").GetString());
        Assert.Equal("jwt", body.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task Me_LoginTokenAsCookie_Returns200WithTheUser()
    {
        var token = await JwtApi.LoginAsync(_client, "bob");

        using var response = await JwtApi.GetAsync(_client, "api/me", cookies: $"{JwtNodeHost.TokenCookieName}={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bob", (await JwtApi.ReadJsonAsync(response)).GetProperty("user").GetString());
    }

    [Fact]
    public async Task Me_NoToken_Returns401WithPlainBearerChallengeAndDetail()
    {
        using var response = await JwtApi.GetAsync(_client, "api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await JwtApi.ReadJsonAsync(response);
        Assert.Equal(JwtApi.UnauthorizedError, body.GetProperty("error").GetString());
        Assert.Equal("no token: log in (cookie) or send Authorization: Bearer <token>", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_Response_XTokenBytesIsTheIssuedTokenLength()
    {
        using var response = await JwtApi.PostAsync(_client, "api/login", json: """{"username":"alice","password":"alice-secret"}""");

        var token = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString()!;
        Assert.Equal(token.Length.ToString(CultureInfo.InvariantCulture), JwtApi.TokenBytes(response));
    }

    [Fact]
    public async Task Me_BearerToken_XTokenBytesIsThePresentedTokenLength()
    {
        var token = await JwtApi.LoginAsync(_client);

        using var response = await JwtApi.GetAsync(_client, "api/me", bearer: token);

        Assert.Equal(token.Length.ToString(CultureInfo.InvariantCulture), JwtApi.TokenBytes(response));
    }

    [Fact]
    public async Task Node_NoToken_XTokenBytesIsZero()
    {
        using var response = await JwtApi.GetAsync(_client, "api/node");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", JwtApi.TokenBytes(response));
    }
}
