namespace ClusterSessions.AppHost.Lab.Traffic;

/// <summary>What the lab sends its Traffic view: new requests, per-node counts, and why the feed is stale if it is.</summary>
/// <param name="Records">Oldest first, numbered by the lab (a gateway restart does not reset them).</param>
/// <param name="Last">The newest sequence number: the next <c>after</c>.</param>
/// <param name="Counts">Requests per node per pool since the gateway (last) started.</param>
/// <param name="Error">Null while the gateway answers; otherwise why it did not.</param>
internal sealed record TrafficUpdate(
    IReadOnlyList<GatewayTrafficRecord> Records,
    long Last,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Counts,
    string? Error);
