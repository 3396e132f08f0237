namespace ClusterSessions.WebNode.Sessions;

internal static class SessionStrategyNames
{
    /// <summary>The contract's spelling: <c>local</c>, <c>sticky</c>, <c>redis</c>, <c>jwt</c>.</summary>
    public static string ToName(this SessionStrategy strategy) => strategy.ToString().ToLowerInvariant();
}
