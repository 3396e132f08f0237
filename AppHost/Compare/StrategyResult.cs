namespace ClusterSessions.AppHost.Compare;

/// <summary>One strategy in one scenario, as written to compare.json.</summary>
internal sealed record StrategyResult
{
    public int Requests { get; init; }

    /// <summary>5xx answers and transport failures.</summary>
    public int Errors { get; init; }

    /// <summary>Share (0..1) of requests that saw the right user and cart.</summary>
    public double Continuity { get; init; }

    /// <summary>Virtual users whose login or cart vanished at least once.</summary>
    public int SessionsLost { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    /// <summary>Requests over this strategy's own span, from its first request sent to its last answer.</summary>
    public double Rps { get; init; }

    /// <summary>Request line plus headers: where cookie and token sizes show.</summary>
    public double MeanRequestBytes { get; init; }

    public IReadOnlyDictionary<string, int> PerNode { get; init; } = new Dictionary<string, int>();

    /// <summary><c>logoutReplay</c>: replays of a logged-out credential that a node still accepted.</summary>
    public int? AcceptedAfterLogout { get; init; }

    /// <summary><c>race</c>: cart writes lost to a concurrent write in the same session.</summary>
    public int? LostUpdates { get; init; }

    /// <summary>
    /// <c>nodeKill</c>/<c>storeOutage</c>: from the fault until the last error it caused (0: no error at all);
    /// <c>nodeKillUnderLoad</c>: until that error was answered (most were sent before the kill).
    /// </summary>
    public double? RecoverySeconds { get; init; }

    /// <summary>
    /// <c>nodeKillUnderLoad</c>: answers 401, a node without the user's session. Not errors: no retry can bring a
    /// session back, so they count apart from the requests lost in flight.
    /// </summary>
    public int? Unauthorized { get; init; }

    /// <summary><c>cost</c>: CPU time of the pool's nodes per request, in µs, the idle rate taken off.</summary>
    public double? NodeCpuUsPerRequest { get; init; }

    /// <summary><c>cost</c>: CPU time of the gateway per request, in µs, the idle rate taken off.</summary>
    public double? GatewayCpuUsPerRequest { get; init; }

    /// <summary><c>cost</c>: CPU time of the Redis server per request, in µs, the idle rate taken off.</summary>
    public double? RedisCpuUsPerRequest { get; init; }

    /// <summary><c>cost</c>: Redis commands per request (<c>INFO commandstats</c>), the idle rate taken off.</summary>
    public double? RedisCommandsPerRequest { get; init; }

    /// <summary><c>cost</c>: the same, by command (those of at least 0.005 per request), most frequent first.</summary>
    public IReadOnlyDictionary<string, double>? RedisCommands { get; init; }

    public static StrategyResult From(IReadOnlyList<RequestSample> samples, int sessionsLost)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var latencies = samples.Select(s => s.LatencyMs).ToList();
        var span = samples.Count == 0
            ? TimeSpan.Zero
            : samples.Max(s => s.At + TimeSpan.FromMilliseconds(s.LatencyMs)) - samples.Min(s => s.At);
        return new StrategyResult
        {
            Requests = samples.Count,
            Errors = samples.Count(s => s.Error),
            Continuity = samples.Count(s => s.Checked) is var checkedCount and > 0
                ? Math.Round((double)samples.Count(s => s.Checked && s.Continuous) / checkedCount, 3)
                : 0,
            SessionsLost = sessionsLost,
            P50Ms = Math.Round(Percentiles.Of(latencies, 50), 2),
            P95Ms = Math.Round(Percentiles.Of(latencies, 95), 2),
            P99Ms = Math.Round(Percentiles.Of(latencies, 99), 2),
            Rps = span <= TimeSpan.Zero ? 0 : Math.Round(samples.Count / span.TotalSeconds, 1),
            MeanRequestBytes = samples.Count == 0 ? 0 : Math.Round(samples.Average(s => s.RequestBytes), 1),
            PerNode = samples.Where(s => s.ServedBy is not null)
                .GroupBy(s => s.ServedBy!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
