using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterSessions.Tokens;

/// <summary>The public verification keys as a JWK Set (RFC 7517 section 5), served at <c>/.well-known/jwks.json</c>.</summary>
public sealed record JsonWebKeySet
{
    [JsonPropertyName("keys")]
    public required IReadOnlyList<JsonWebKey> Keys { get; init; }

    /// <summary>The JWK Set document; serve it as <c>application/jwk-set+json</c> or <c>application/json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JwksJsonContext.Default.JsonWebKeySet);
}
