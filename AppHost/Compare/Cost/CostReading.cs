namespace ClusterSessions.AppHost.Compare.Cost;

/// <summary>
/// One reading of the meters: CPU used so far by the pool's nodes, the gateway and Redis, and Redis's command counts
/// (<c>INFO commandstats</c> calls by command). A part that cannot be read is null.
/// </summary>
internal sealed record CostReading(
    DateTimeOffset At,
    TimeSpan? Nodes,
    TimeSpan? Gateway,
    TimeSpan? Redis,
    IReadOnlyDictionary<string, long>? RedisCalls);
