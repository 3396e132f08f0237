using System.Text.Json.Serialization;

namespace ClusterSessions.Tokens;

/// <summary>A public EC verification key as a JWK (RFC 7517 section 4, RFC 7518 section 6.2.1).</summary>
public sealed record JsonWebKey
{
    [JsonPropertyName("kty")]
    public required string Kty { get; init; }

    [JsonPropertyName("crv")]
    public required string Crv { get; init; }

    [JsonPropertyName("x")]
    public required string X { get; init; }

    [JsonPropertyName("y")]
    public required string Y { get; init; }

    [JsonPropertyName("kid")]
    public required string Kid { get; init; }

    [JsonPropertyName("alg")]
    public required string Alg { get; init; }

    [JsonPropertyName("use")]
    public required string Use { get; init; }
}
