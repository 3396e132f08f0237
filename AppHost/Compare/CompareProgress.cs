namespace ClusterSessions.AppHost.Compare;

/// <param name="Scenario">The scenario running now.</param>
/// <param name="Fraction">0..1 over the whole run.</param>
internal sealed record CompareProgress(string Scenario, int ScenarioIndex, int ScenarioCount, double Fraction);
