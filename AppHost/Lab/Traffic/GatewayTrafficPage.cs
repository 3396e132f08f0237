namespace ClusterSessions.AppHost.Lab.Traffic;

/// <summary>The gateway's <c>GET /_gateway/traffic?after=N</c> answer.</summary>
/// <param name="Last">The gateway's newest sequence number; smaller than what a reader saw before means the gateway restarted.</param>
/// <param name="Counts">Requests per node per pool since the gateway started.</param>
internal sealed record GatewayTrafficPage(
    IReadOnlyList<GatewayTrafficRecord> Records,
    long Last,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Counts);
