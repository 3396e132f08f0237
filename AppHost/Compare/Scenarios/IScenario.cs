namespace ClusterSessions.AppHost.Compare.Scenarios;

internal interface IScenario
{
    string Name { get; }

    /// <summary>One line for the report: what happens during the scenario.</summary>
    string Description { get; }

    Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
