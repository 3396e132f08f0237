namespace ClusterSessions.Gateway.Traffic;

/// <summary><c>GET /_gateway/traffic?after=N</c>: the newest records after N, and how many requests each node has served.</summary>
/// <param name="Last">The sequence of the newest request so far: the next <c>after</c>.</param>
/// <param name="Counts">Requests per node per pool since the gateway started (not only those still buffered).</param>
internal sealed record TrafficPage(
    IReadOnlyList<TrafficRecord> Records,
    long Last,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Counts);
