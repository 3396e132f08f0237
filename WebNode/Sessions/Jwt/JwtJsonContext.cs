using System.Text.Json.Serialization;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Sessions.Jwt;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PublicJsonWebKeySet))]
[JsonSerializable(typeof(List<CartItem>))]
internal sealed partial class JwtJsonContext : JsonSerializerContext;
