namespace ClusterSessions.Hosting.Orchestration;

public enum ResourceAction
{
    Start,
    Stop,
    Restart,

    /// <summary>SIGKILL: a simulated crash.</summary>
    Kill,
}
