namespace ClusterSessions.AppHost.Lab.Traffic;

/// <summary>One proxied request as the gateway's <c>/_gateway/traffic</c> reports it (the gateway's TrafficRecord, read over HTTP: the AppHost does not reference the gateway's assembly).</summary>
/// <param name="Node">The node that answered, or null when none did.</param>
internal sealed record GatewayTrafficRecord(
    long Sequence,
    DateTimeOffset Time,
    string Strategy,
    string Method,
    string Path,
    string? Node,
    int Status,
    double ElapsedMs);
