using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Hosting.Dashboard;

/// <summary>A resource as <c>GET /api/resources</c> shows it.</summary>
public sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    int? Pid,
    string Url,
    string Health,
    string? HealthDescription,
    string? Pool,
    int RestartCount,
    DateTimeOffset? StartedAt,
    int? ExitCode)
{
    public static ResourceView From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var running = resource.State is ResourceState.Starting or ResourceState.Running or ResourceState.Stopping;
        return new ResourceView(
            resource.Name,
            Lower(resource.Kind.ToString()),
            Lower(resource.State.ToString()),
            running ? resource.ProcessId : null,
            resource.Url,
            Lower(resource.Health.ToString()),
            resource.HealthDescription,
            resource.Pool,
            resource.RestartCount,
            resource.StartedAt,
            resource.ExitCode);
    }

    private static string Lower(string value) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value);
}
