using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterSessions.AppHost.Lab;

/// <summary>The lab's JSON: camelCase, nulls written out (the page tells "none" from "missing").</summary>
internal static class LabJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
