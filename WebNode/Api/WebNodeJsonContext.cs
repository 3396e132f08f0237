using System.Text.Json;
using System.Text.Json.Serialization;
using System.Collections.Immutable;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Api;

/// <summary>
/// Source-generated JSON for the API and the session records. Strict on input: unknown members and missing
/// constructor parameters are errors, so a typo in a request is a 400, not a silently ignored field.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(AddCartItemRequest))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(CartResponse))]
[JsonSerializable(typeof(VisitsResponse))]
[JsonSerializable(typeof(NodeResponse))]
[JsonSerializable(typeof(LogoutResponse))]
[JsonSerializable(typeof(LogoutAllResponse))]
[JsonSerializable(typeof(ImmutableArray<CartItem>))]
internal sealed partial class WebNodeJsonContext : JsonSerializerContext;
