namespace ClusterSessions.Gateway.Traffic;

/// <summary>One request to a pool, as the lab's Traffic view shows it: proxied, or refused by the gateway itself (a login's 429).</summary>
/// <param name="Sequence">Increases by one per request since the gateway started: a reader asks for what came after the last it saw.</param>
/// <param name="Strategy">The pool that was asked (the first path segment).</param>
/// <param name="Node">The node that answered (its <c>X-Served-By</c>), or null when no node did.</param>
internal sealed record TrafficRecord(
    long Sequence,
    DateTimeOffset Time,
    string Strategy,
    string Method,
    string Path,
    string? Node,
    int Status,
    double ElapsedMs);
