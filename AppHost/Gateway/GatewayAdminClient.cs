using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Lab.Traffic;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Gateway;

/// <summary>
/// Tells the running gateway which nodes a pool has (its admin API), so pools change without a gateway restart. Every
/// request carries the admin token (this run's <see cref="GatewayAdminToken"/> unless another is given).
/// </summary>
internal sealed class GatewayAdminClient(HttpClient httpClient, int adminPort, string? adminToken = null)
{
    private readonly string _adminToken = adminToken ?? GatewayAdminToken.Value;

    public int AdminPort { get; } = adminPort;

    public async Task SetPoolAsync(NodePool pool, string loadBalancing, NodeProtocol protocol, CancellationToken cancellationToken)
    {
        var body = new PoolUpdate(
            pool.Members.ToDictionary(n => n.Name, n => n.GatewayAddress(protocol), StringComparer.Ordinal),
            pool.Affinity,
            loadBalancing);
        using var request = Request(HttpMethod.Put, $"/_gateway/pools/{pool.Strategy}");
        request.Content = JsonContent.Create(body);
        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"gateway refused the pool update for {pool.Strategy}: {(int)response.StatusCode} {detail}");
        }
    }

    /// <summary>The gateway's recent proxied requests after <paramref name="after"/> (its own sequence numbers), for the dashboard.</summary>
    public async Task<GatewayTrafficPage> GetTrafficAsync(long after, CancellationToken cancellationToken)
    {
        return await GetAsync<GatewayTrafficPage>($"/_gateway/traffic?after={after.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the gateway answered an empty traffic page");
    }

    /// <summary>Each pool's nodes with the gateway's view of their health (<c>Healthy</c>, <c>Unhealthy</c> or <c>Unknown</c>).</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> GetDestinationHealthAsync(CancellationToken cancellationToken)
    {
        var pools = await GetAsync<Dictionary<string, PoolView>>("/_gateway/pools", cancellationToken).ConfigureAwait(false) ?? [];
        return pools.ToDictionary(
            pool => pool.Key,
            pool => pool.Value.Destinations.ToDictionary(d => d.Key, d => d.Value.Health, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private async Task<T?> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, pathAndQuery);
        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri($"http://127.0.0.1:{AdminPort}{pathAndQuery}"));
        request.Headers.Add(GatewayAdminToken.HeaderName, _adminToken);
        return request;
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
