using System.Text.Json.Serialization;

namespace ClusterSessions.Tokens;

[JsonSerializable(typeof(JsonWebKeySet))]
internal sealed partial class JwksJsonContext : JsonSerializerContext;
