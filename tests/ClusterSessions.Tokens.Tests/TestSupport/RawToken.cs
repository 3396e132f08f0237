using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ClusterSessions.Tokens.Tests.TestSupport;

/// <summary>Builds tokens by hand, to present the validator with what an attacker could send.</summary>
internal static class RawToken
{
    public static string Segment(string json) => Segment(Encoding.UTF8.GetBytes(json));

    public static string Segment(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string SignJson(JwtSigningKey key, string headerJson, string payloadJson) =>
        SignSegments(key, Segment(headerJson), Segment(payloadJson));

    public static string SignSegments(JwtSigningKey key, string headerSegment, string payloadSegment)
    {
        var signingInput = headerSegment + "." + payloadSegment;
        var signature = new byte[key.SignatureSize];
        var written = key.Sign(Encoding.ASCII.GetBytes(signingInput), signature);
        return signingInput + "." + Base64Url.EncodeToString(signature.AsSpan(0, written));
    }

    public static string SignHmac(byte[] secret, string headerJson, string payloadJson)
    {
        var signingInput = Segment(headerJson) + "." + Segment(payloadJson);
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    public static string HeaderJson(string token) => Decode(token.Split('.')[0]);

    public static string PayloadJson(string token) => Decode(token.Split('.')[1]);

    public static JsonObject Header(string token) => JsonNode.Parse(HeaderJson(token))!.AsObject();

    public static JsonObject Payload(string token) => JsonNode.Parse(PayloadJson(token))!.AsObject();

    /// <summary>Re-signs a real token after editing its header and/or payload, with a correct signature.</summary>
    public static string Resign(string token, JwtSigningKey key, Action<JsonObject>? header = null, Action<JsonObject>? payload = null)
    {
        var h = Header(token);
        var p = Payload(token);
        header?.Invoke(h);
        payload?.Invoke(p);
        return SignJson(key, h.ToJsonString(), p.ToJsonString());
    }

    public static string Decode(string segment) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segment));
}
