using System.Net;
using System.Text.Json;

namespace ClusterSessions.Hosting.ApplicationModel;

/// <summary>GET <c>/health</c>: 200 is healthy; otherwise the JSON report says which check failed.</summary>
public sealed class HttpHealthProbe(HttpClient httpClient, Uri healthUrl) : IHealthProbe
{
    public async Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.GetAsync(healthUrl, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (HealthStatus.Healthy, null);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (HealthStatus.Unhealthy, DescribeFailure(body) ?? $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException exception)
        {
            return (HealthStatus.Unhealthy, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (HealthStatus.Unhealthy, "health check timed out");
        }
    }

    private static string? DescribeFailure(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var failing = document.RootElement.GetProperty("checks").EnumerateObject()
                .Where(c => c.Value.GetProperty("status").GetString() != "Healthy")
                .Select(c => c.Value.TryGetProperty("description", out var d) ? $"{c.Name}: {d.GetString()}" : c.Name);
            return string.Join("; ", failing);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
