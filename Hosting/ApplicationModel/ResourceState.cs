namespace ClusterSessions.Hosting.ApplicationModel;

public enum ResourceState
{
    NotStarted,
    Starting,
    Running,
    Stopping,

    /// <summary>Ended on request: stop, or kill (a simulated crash).</summary>
    Stopped,

    /// <summary>Ended by itself (a crash nobody asked for).</summary>
    Exited,

    /// <summary>Did not become healthy in time, or could not be launched.</summary>
    Failed,
}
