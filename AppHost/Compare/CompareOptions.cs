namespace ClusterSessions.AppHost.Compare;

/// <summary><c>compare [--out DIR] [--users N] [--requests M] [--scenario NAME[,NAME…]]</c>.</summary>
internal sealed record CompareOptions
{
    /// <summary>Virtual users per strategy, all running at once.</summary>
    public int Users { get; init; } = 3;

    /// <summary>Requests per virtual user and scenario.</summary>
    public int Requests { get; init; } = 40;

    /// <summary>Some scenarios by name (run in the usual order), or null for all of them.</summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    public string OutputDirectory { get; init; } = Path.Combine("out", "compare");

    /// <summary>The CLI's own run folder (a fresh temporary one), deleted when the run ends; null for the lab's runs.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>
    /// The schedule's step: every user makes request i at start + i × interval, so a scenario lasts
    /// <see cref="Requests"/> × interval (4 s by default), long enough for a fault and its recovery to show.
    /// </summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a user waits for an answer before counting the request as an error. The tests wait longer: they check
    /// what each strategy answers, and a CI box starting other clusters beside this one can take seconds per login.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the cost scenario loads each pool: long enough for thousands of requests, so the CPU figures settle.</summary>
    public TimeSpan CostLoad { get; init; } = TimeSpan.FromSeconds(3);
}
