namespace ClusterSessions.AppHost.Compare;

/// <summary>compare.json: <c>scenarios</c> → scenario → strategy → figures, plus <c>machine</c>, <c>startedAt</c>, <c>config</c>.</summary>
internal sealed record CompareReport
{
    public required IReadOnlyDictionary<string, string> Machine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required IReadOnlyDictionary<string, object> Config { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, StrategyResult>> Scenarios { get; init; }

    /// <summary>What each scenario did (for compare.md).</summary>
    public required IReadOnlyDictionary<string, string> Descriptions { get; init; }

    public double DurationSeconds { get; init; }
}
