using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Commands;

namespace ClusterSessions.AppHost.Lab;

/// <summary>A resource as <c>GET /api/resources</c> shows it, read from Aspire's snapshot of it.</summary>
internal sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    int? Pid,
    string? Url,
    string Health,
    string? HealthDescription,
    string? Pool,
    DateTimeOffset? StartedAt,
    int? ExitCode)
{
    public static ResourceView From(string name, string kind, CustomResourceSnapshot? snapshot, string? url, string? pool)
    {
        var alive = ClusterControl.IsAlive(snapshot);
        var unhealthy = snapshot?.HealthReports.FirstOrDefault(r => r.Status is not Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        return new ResourceView(
            name,
            kind,
            Lower(snapshot?.State?.Text ?? "unknown"),
            alive && snapshot is not null ? KillCommand.ProcessId(snapshot) : null,
            url,
            alive && snapshot?.HealthStatus is { } health ? Lower(health.ToString()) : "unknown",
            alive ? unhealthy?.Description ?? unhealthy?.ExceptionText?.Split('\n')[0] : null,
            pool,
            alive ? snapshot?.StartTimeStamp is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : null : null,
            alive ? null : snapshot?.ExitCode);
    }

    // "NotStarted" → "not-started", "FailedToStart" → "failed-to-start", "Running" → "running".
    private static string Lower(string value) =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.Replace(" ", string.Empty, StringComparison.Ordinal));
}
