namespace ClusterSessions.AppHost.Compare;

/// <summary>What <c>GET /api/compare</c> answers: the run in progress, or the last one.</summary>
internal sealed record CompareRunState(string State, double Progress, string Message, CompareReport? Report)
{
    public static CompareRunState Idle { get; } = new("idle", 0, "no compare run yet", null);
}
