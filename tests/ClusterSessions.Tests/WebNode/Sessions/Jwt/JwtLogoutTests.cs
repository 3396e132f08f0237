using System.Net;
using System.Text.Json;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>With <c>Jwt:Revocation=None</c> a token cannot be revoked: logout only clears this client's cookie, and says so.</summary>
public sealed class JwtLogoutTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Logout_RevocationNone_Returns200NotRevokedWithNote()
    {
        var token = await JwtApi.LoginAsync(_client);

        using var response = await JwtApi.PostAsync(_client, "api/logout", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JwtApi.ReadJsonAsync(response);
        Assert.False(body.GetProperty("revoked").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Logout_RevocationNone_ClearsTheTokenCookie()
    {
        var token = await JwtApi.LoginAsync(_client);

        using var response = await JwtApi.PostAsync(_client, "api/logout", cookies: $"{JwtNodeHost.TokenCookieName}={token}");

        var setCookie = JwtApi.SetCookie(response, JwtNodeHost.TokenCookieName);
        Assert.NotNull(setCookie);
        Assert.Contains("expires=Thu, 01 Jan 1970", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logout_RevocationNone_TokenStillWorksAfterwards()
    {
        var token = await JwtApi.LoginAsync(_client, "bob");
        using (var logout = await JwtApi.PostAsync(_client, "api/logout", token))
        {
            Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        }

        Assert.Equal("bob", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task LogoutAll_RevocationNone_Returns200WithEndedNullScopeClientAndNote()
    {
        var token = await JwtApi.LoginAsync(_client);

        using var response = await JwtApi.PostAsync(_client, "api/logout-all", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JwtApi.ReadJsonAsync(response);
        Assert.True(body.TryGetProperty("ended", out var ended), "\"ended\" must be present");
        Assert.Equal(JsonValueKind.Null, ended.ValueKind);
        Assert.Equal("client", body.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task LogoutAll_NoToken_Returns401()
    {
        using var response = await JwtApi.PostAsync(_client, "api/logout-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
