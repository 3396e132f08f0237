using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// Builds compact JWS tokens by hand, from JSON text (so a test can write what no JWT library would: duplicate
/// members, <c>alg: none</c>, odd headers), signed with whatever key the test chooses.
/// </summary>
internal static class TokenForge
{
    /// <summary>The header the node writes: ES256, typ JWT, the configured kid.</summary>
    public static JsonObject Header(string alg = "ES256", string? kid = JwtNodeHost.KeyId, string? typ = "JWT")
    {
        var header = new JsonObject { ["alg"] = alg };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        if (typ is not null)
        {
            header["typ"] = typ;
        }

        return header;
    }

    /// <summary>Claims of a valid login of <paramref name="user"/> issued now by <paramref name="node"/>'s clock.</summary>
    public static JsonObject Claims(JwtNodeHost node, string user = "alice")
    {
        var now = node.Clock.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = JwtNodeHost.Issuer,
            ["aud"] = JwtNodeHost.Audience,
            ["sub"] = user,
            ["name"] = user,
            ["jti"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)JwtNodeHost.AccessTokenLifetime.TotalSeconds,
        };
    }

    public static string SignEs256(JsonObject header, JsonObject claims, ECDsa key) =>
        SignEs256(header.ToJsonString(), claims.ToJsonString(), key);

    /// <summary>ES256 (RFC 7518 section 3.4): the raw r||s signature, 64 bytes.</summary>
    public static string SignEs256(string headerJson, string claimsJson, ECDsa key)
    {
        var input = SigningInput(headerJson, claimsJson);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string SignHs256(JsonObject header, JsonObject claims, byte[] secret)
    {
        var input = SigningInput(header.ToJsonString(), claims.ToJsonString());
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>An unsecured JWS (RFC 7519 section 6): empty signature.</summary>
    public static string Unsigned(JsonObject header, JsonObject claims) =>
        SigningInput(header.ToJsonString(), claims.ToJsonString()) + ".";

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    /// <summary>One segment (0 = header, 1 = payload) decoded and parsed, independently of any JWT library.</summary>
    public static JsonElement Segment(string token, int index)
    {
        var json = Base64Url.DecodeFromChars(token.Split('.')[index]);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The public part of <paramref name="key"/> as a JWK object (RFC 7518 section 6.2.1).</summary>
    public static JsonObject PublicJwk(ECDsa key, string? kid = null)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
        };
        if (kid is not null)
        {
            jwk["kid"] = kid;
        }

        return jwk;
    }

    private static string SigningInput(string headerJson, string claimsJson) => Encode(headerJson) + "." + Encode(claimsJson);
}
