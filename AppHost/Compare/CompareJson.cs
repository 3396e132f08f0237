using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterSessions.AppHost.Compare;

internal static class CompareJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(CompareReport report) => JsonSerializer.Serialize(report, Options);
}
