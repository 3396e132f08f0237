using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary><c>GET /.well-known/jwks.json</c>: the public ES256 key as a JWK Set (RFC 7517) a standard library can use.</summary>
public sealed class JwksEndpointTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Jwks_Get_Returns200AsJwkSetJson()
    {
        using var response = await JwtApi.GetAsync(_client, ".well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Jwks_Get_PublishesExactlyTheConfiguredPublicKeyWithItsMembers()
    {
        var key = Assert.Single(await KeysAsync());

        var parameters = node.SigningKey.ExportParameters(includePrivateParameters: false);
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal(Base64Url.EncodeToString(parameters.Q.X), key.GetProperty("x").GetString());
        Assert.Equal(Base64Url.EncodeToString(parameters.Q.Y), key.GetProperty("y").GetString());
        Assert.Equal(JwtNodeHost.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
    }

    [Fact]
    public async Task Jwks_Get_KeyHasNoPrivateMemberDNorAnyOtherMember()
    {
        var key = Assert.Single(await KeysAsync());

        Assert.False(key.TryGetProperty("d", out _));
        Assert.Equal(
            ["alg", "crv", "kid", "kty", "use", "x", "y"],
            key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Jwks_PublishedKey_VerifiesALoginTokenWithIdentityModel()
    {
        var token = await JwtApi.LoginAsync(_client);

        var result = await ValidateWithPublishedKeysAsync(token);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("alice", result.Claims["sub"]);
    }

    [Fact]
    public async Task Jwks_PublishedKey_DoesNotVerifyATokenSignedByAnotherKey()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = TokenForge.SignEs256(TokenForge.Header(), TokenForge.Claims(node), attacker);

        var result = await ValidateWithPublishedKeysAsync(token);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    private async Task<TokenValidationResult> ValidateWithPublishedKeysAsync(string token)
    {
        using var response = await JwtApi.GetAsync(_client, ".well-known/jwks.json");
        var set = new JsonWebKeySet(await response.Content.ReadAsStringAsync());
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = set.GetSigningKeys(),
            ValidIssuer = JwtNodeHost.Issuer,
            ValidAudience = JwtNodeHost.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["JWT"],
            // The node's clock is a fake one; this check is about the signature, not the time.
            ValidateLifetime = false,
        });
    }

    private async Task<List<JsonElement>> KeysAsync()
    {
        using var response = await JwtApi.GetAsync(_client, ".well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JwtApi.ReadJsonAsync(response)).GetProperty("keys").EnumerateArray()];
    }
}
