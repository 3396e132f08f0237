using System.Net;
using System.Security.Cryptography;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// HS256 beside ES256: <c>Jwt:Keys:0</c> HS256, <c>Jwt:Keys:1</c> ES256 (the last one signs). An HS256 token verifies only
/// with the HS256 key its kid names; an ES256 public key is never usable as an HMAC secret.
/// </summary>
public sealed class JwtHs256Tests : IDisposable
{
    private readonly JwtNodeHost _node = new(withHmacKey: true);
    private readonly HttpClient _client;

    public JwtHs256Tests() => _client = _node.CreateClient();

    [Fact]
    public async Task Me_Hs256TokenSignedWithTheConfiguredSecretAndItsKid_Returns200()
    {
        var token = TokenForge.SignHs256(
            TokenForge.Header(alg: "HS256", kid: JwtNodeHost.HmacKeyId), TokenForge.Claims(_node, "carol"), _node.HmacSecret!);

        Assert.Equal("carol", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task Me_Hs256TokenSignedWithAnotherSecret_Returns401SignatureInvalid()
    {
        var token = TokenForge.SignHs256(
            TokenForge.Header(alg: "HS256", kid: JwtNodeHost.HmacKeyId), TokenForge.Claims(_node), RandomNumberGenerator.GetBytes(32));

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_Hs256SignedWithTheEs256PublicKeyAndEs256Kid_Returns401SignatureInvalid()
    {
        // Key confusion: HS256 is an accepted algorithm here, but the kid names the ES256 key, whose public bytes are no secret.
        var token = TokenForge.SignHs256(
            TokenForge.Header(alg: "HS256", kid: JwtNodeHost.KeyId), TokenForge.Claims(_node), _node.SigningKey.ExportSubjectPublicKeyInfo());

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_Es256TokenNamingTheHs256Kid_Returns401SignatureInvalid()
    {
        var token = TokenForge.SignEs256(TokenForge.Header(alg: "ES256", kid: JwtNodeHost.HmacKeyId), TokenForge.Claims(_node), _node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Login_Hs256KeyListedFirst_SignsWithTheLastKeyEs256()
    {
        var token = await JwtApi.LoginAsync(_client);

        var header = TokenForge.Segment(token, 0);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal(JwtNodeHost.KeyId, header.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Jwks_Hs256KeyConfigured_PublishesOnlyTheEs256Key()
    {
        using var response = await JwtApi.GetAsync(_client, ".well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = (await JwtApi.ReadJsonAsync(response)).GetProperty("keys").EnumerateArray().ToList();
        var key = Assert.Single(keys);
        Assert.Equal(JwtNodeHost.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("k", out _));
    }

    public void Dispose()
    {
        _client.Dispose();
        _node.Dispose();
    }
}
