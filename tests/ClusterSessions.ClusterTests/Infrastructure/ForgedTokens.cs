using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>Reads and forges compact JWS tokens the way an attacker with a copy of one would.</summary>
internal static class ForgedTokens
{
    public static JsonElement Header(string token) =>
        JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(token.Split('.')[0]));

    /// <summary>The same token with one payload claim changed and the original signature kept.</summary>
    public static string WithClaim(string token, string name, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload[name] = value;
        return $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The payload under <c>"alg":"none"</c> and no signature (RFC 8725 section 2.1).</summary>
    public static string WithAlgNone(string token) =>
        $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{token.Split('.')[1]}.";

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
