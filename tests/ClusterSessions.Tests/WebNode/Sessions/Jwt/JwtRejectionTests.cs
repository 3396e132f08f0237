using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// Tokens the <c>jwt</c> pool must refuse (RFC 8725): each one 401 with <c>error="invalid_token"</c> and a description
/// saying why. A control test shows the forge's baseline token is accepted, so each refusal is caused by the one change.
/// </summary>
public sealed class JwtRejectionTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task Me_ForgedTokenSignedWithConfiguredKey_Returns200AsTheUser()
    {
        var token = TokenForge.SignEs256(TokenForge.Header(), TokenForge.Claims(node, "carol"), node.SigningKey);

        Assert.Equal("carol", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task Me_TamperedPayloadSignatureKept_Returns401SignatureInvalid()
    {
        var token = await JwtApi.LoginAsync(_client, "alice");
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        claims["sub"] = "bob";
        claims["name"] = "bob";
        var tampered = $"{parts[0]}.{TokenForge.Encode(claims.ToJsonString())}.{parts[2]}";

        using var response = await JwtApi.GetAsync(_client, "api/me", tampered);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_AlgNoneWithoutSignature_Returns401SignatureInvalid()
    {
        var token = TokenForge.Unsigned(TokenForge.Header(alg: "none"), TokenForge.Claims(node));

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_SignedByAnotherKeyWithTheConfiguredKid_Returns401SignatureInvalid()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = TokenForge.SignEs256(TokenForge.Header(), TokenForge.Claims(node), attacker);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_UnknownKid_Returns401UnknownSigningKey()
    {
        var token = TokenForge.SignEs256(TokenForge.Header(kid: "no-such-key"), TokenForge.Claims(node), node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.UnknownKey);
    }

    [Fact]
    public async Task Me_NoKid_Returns401UnknownSigningKey()
    {
        var token = TokenForge.SignEs256(TokenForge.Header(kid: null), TokenForge.Claims(node), node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.UnknownKey);
    }

    [Fact]
    public async Task Me_WrongIssuer_Returns401WrongIssuer()
    {
        var claims = TokenForge.Claims(node);
        claims["iss"] = "https://evil.example";
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Issuer);
    }

    [Fact]
    public async Task Me_WrongAudience_Returns401WrongAudience()
    {
        var claims = TokenForge.Claims(node);
        claims["aud"] = "some-other-api";
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Audience);
    }

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("JWS")]
    public async Task Me_WrongTyp_Returns401WrongTokenType(string typ)
    {
        var token = TokenForge.SignEs256(TokenForge.Header(typ: typ), TokenForge.Claims(node), node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Type);
    }

    [Fact]
    public async Task Me_MissingTyp_Returns401WrongTokenType()
    {
        var token = TokenForge.SignEs256(TokenForge.Header(typ: null), TokenForge.Claims(node), node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Type);
    }

    [Fact]
    public async Task Me_TokenOver8KiB_Returns401TooLarge()
    {
        // Validly signed, and only its size is wrong: 9000+ characters.
        var claims = TokenForge.Claims(node);
        claims["pad"] = new string('x', 6700);
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);
        Assert.InRange(token.Length, 9000, 9400);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.TooLarge);
    }

    [Fact]
    public async Task Me_9000CharacterGarbageToken_Returns401TooLarge()
    {
        using var response = await JwtApi.GetAsync(_client, "api/me", new string('A', 9000));

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.TooLarge);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9")]
    [InlineData("!!!.@@@.###")]
    [InlineData("e30.e30.e30.e30.e30")]
    [InlineData("bm90IGpzb24.bm90IGpzb24.AAAA")]
    public async Task Me_NotACompactJws_Returns401Malformed(string token)
    {
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Malformed);
    }

    [Fact]
    public async Task Me_EmbeddedJwkHeaderWithAttackerKey_Returns401SignatureInvalid()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var header = TokenForge.Header();
        header["jwk"] = TokenForge.PublicJwk(attacker, JwtNodeHost.KeyId);
        var token = TokenForge.SignEs256(header, TokenForge.Claims(node), attacker);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task Me_KeyUrlHeaderWithAttackerKey_Returns401SignatureInvalidWithoutFetchingTheUrl(string member)
    {
        // The URL points at a listener of this test: any fetch would show up as a pending connection.
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var header = TokenForge.Header();
            header[member] = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/keys";
            var token = TokenForge.SignEs256(header, TokenForge.Claims(node), attacker);

            using var response = await JwtApi.GetAsync(_client, "api/me", token);

            await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
            Assert.False(listener.Pending(), $"the node connected to the {member} URL");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("spki-der")]
    [InlineData("spki-pem")]
    [InlineData("ec-point")]
    [InlineData("jwk-json")]
    public async Task Me_Hs256SignedWithTheEs256PublicKeyBytes_Returns401SignatureInvalid(string encoding)
    {
        // Key confusion: the public key is public, so an HMAC keyed with any encoding of it proves nothing.
        var publicKey = node.SigningKey.ExportParameters(includePrivateParameters: false).Q;
        var secret = encoding switch
        {
            "spki-der" => node.SigningKey.ExportSubjectPublicKeyInfo(),
            "spki-pem" => Encoding.ASCII.GetBytes(node.SigningKey.ExportSubjectPublicKeyInfoPem()),
            "ec-point" => [0x04, .. publicKey.X!, .. publicKey.Y!],
            _ => Encoding.UTF8.GetBytes(TokenForge.PublicJwk(node.SigningKey, JwtNodeHost.KeyId).ToJsonString()),
        };
        var token = TokenForge.SignHs256(TokenForge.Header(alg: "HS256"), TokenForge.Claims(node), secret);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_Hs256WithRandomSecretAndEs256KidOnEs256OnlyNode_Returns401SignatureInvalid()
    {
        var token = TokenForge.SignHs256(TokenForge.Header(alg: "HS256"), TokenForge.Claims(node), RandomNumberGenerator.GetBytes(32));

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_Hs256WithRandomSecretAndUnknownKidOnEs256OnlyNode_Returns401UnknownSigningKey()
    {
        var token = TokenForge.SignHs256(
            TokenForge.Header(alg: "HS256", kid: "hs-anything"), TokenForge.Claims(node), RandomNumberGenerator.GetBytes(32));

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.UnknownKey);
    }

    [Fact]
    public async Task Me_UnknownCritHeaderOnValidlySignedToken_Returns401Crit()
    {
        var header = TokenForge.Header();
        header["crit"] = new JsonArray("exp-policy");
        header["exp-policy"] = "strict";
        var token = TokenForge.SignEs256(header, TokenForge.Claims(node), node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Critical);
    }

    [Fact]
    public async Task Me_NoJti_Returns401NoJti()
    {
        var claims = TokenForge.Claims(node);
        claims.Remove("jti");
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.NoJtiOrSub);
    }

    [Fact]
    public async Task Me_NoName_Returns401RatherThanAnAnswerWithoutAUser()
    {
        var claims = TokenForge.Claims(node);
        claims.Remove("name");
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.NoJtiOrSub);
    }

    [Fact]
    public async Task Me_NoSub_Returns401NoSub()
    {
        var claims = TokenForge.Claims(node);
        claims.Remove("sub");
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.NoJtiOrSub);
    }

    [Fact]
    public async Task Me_NoExp_Returns401NoExpiry()
    {
        var claims = TokenForge.Claims(node);
        claims.Remove("exp");
        var token = TokenForge.SignEs256(TokenForge.Header(), claims, node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, "the token has no expiry");
    }

    [Fact]
    public async Task Me_RejectedTokenAsCookie_Returns401WithTheSameDescription()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = TokenForge.SignEs256(TokenForge.Header(), TokenForge.Claims(node), attacker);

        using var response = await JwtApi.GetAsync(_client, "api/me", cookies: $"{JwtNodeHost.TokenCookieName}={token}");

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }
}
