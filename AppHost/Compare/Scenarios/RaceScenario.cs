namespace ClusterSessions.AppHost.Compare.Scenarios;

/// <summary>Two cart writes at once in one session, five times per user: does the store keep both (or does the last writer win)?</summary>
internal sealed class RaceScenario : IScenario
{
    private const int RacesPerUser = 5;

    public string Name => "race";

    public string Description => "two concurrent cart writes in one session; lost updates counted";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        using var users = context.CreateUsers();
        var lost = users.ByStrategy.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        await Task.WhenAll(users.ByStrategy.SelectMany(pair => pair.Value.Select(async user =>
        {
            await user.LoginAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < RacesPerUser; i++)
            {
                var lostHere = await user.RaceAsync(cancellationToken).ConfigureAwait(false);
                lock (lost)
                {
                    lost[pair.Key] += lostHere;
                }
            }
        }))).ConfigureAwait(false);

        return users.ByStrategy.ToDictionary(
            pair => pair.Key,
            pair => ScenarioContext.Summarize(pair.Value) with { LostUpdates = lost[pair.Key] });
    }
}
