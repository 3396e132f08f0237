namespace ClusterSessions.AppHost.Lab;

internal enum ResourceAction
{
    Start,
    Stop,
    Restart,

    /// <summary>SIGKILL: a simulated crash.</summary>
    Kill,
}
