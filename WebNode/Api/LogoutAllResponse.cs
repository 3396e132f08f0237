using System.Text.Json.Serialization;

namespace ClusterSessions.WebNode.Api;

/// <param name="Ended">Always present; null where the logins cannot be counted (a token deny-list does not track tokens).</param>
internal sealed record LogoutAllResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Ended,
    string Scope,
    string Note);
