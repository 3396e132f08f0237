using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ClusterSessions.AppHost.Lab.Traffic;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Gateway;

/// <summary>Tells the running gateway which nodes a pool has (its admin API), so pools change without a gateway restart.</summary>
internal sealed class GatewayAdminClient(HttpClient httpClient, int adminPort)
{
    public int AdminPort { get; } = adminPort;

    public async Task SetPoolAsync(NodePool pool, string loadBalancing, CancellationToken cancellationToken)
    {
        var body = new PoolUpdate(
            pool.Members.ToDictionary(n => n.Name, n => n.Url + "/", StringComparer.Ordinal),
            pool.Affinity,
            loadBalancing);
        using var response = await httpClient.PutAsJsonAsync(
            new Uri($"http://127.0.0.1:{AdminPort}/_gateway/pools/{pool.Strategy}"),
            body,
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"gateway refused the pool update for {pool.Strategy}: {(int)response.StatusCode} {detail}");
        }
    }

    /// <summary>The gateway's recent proxied requests after <paramref name="after"/> (its own sequence numbers), for the dashboard.</summary>
    public async Task<GatewayTrafficPage> GetTrafficAsync(long after, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{AdminPort}/_gateway/traffic?after={after.ToString(CultureInfo.InvariantCulture)}");
        return await httpClient.GetFromJsonAsync<GatewayTrafficPage>(url, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the gateway answered an empty traffic page");
    }

    /// <summary>Each pool's nodes with the gateway's view of their health (<c>Healthy</c>, <c>Unhealthy</c> or <c>Unknown</c>).</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> GetDestinationHealthAsync(CancellationToken cancellationToken)
    {
        var pools = await httpClient.GetFromJsonAsync<Dictionary<string, PoolView>>(
            new Uri($"http://127.0.0.1:{AdminPort}/_gateway/pools"),
            cancellationToken).ConfigureAwait(false) ?? [];
        return pools.ToDictionary(
            pool => pool.Key,
            pool => pool.Value.Destinations.ToDictionary(d => d.Key, d => d.Value.Health, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private sealed record PoolView(
        [property: JsonPropertyName("destinations")] Dictionary<string, DestinationView> Destinations);

    private sealed record DestinationView(
        [property: JsonPropertyName("health")] string Health);

    private sealed record PoolUpdate(
        [property: JsonPropertyName("destinations")] Dictionary<string, string> Destinations,
        [property: JsonPropertyName("affinity")] bool Affinity,
        [property: JsonPropertyName("loadBalancing")] string LoadBalancing);
}
