namespace ClusterSessions.ServiceDefaults;

/// <summary>
/// The process that started this one (the AppHost sets <c>ParentProcess__Id</c>). When it dies, even by
/// SIGKILL, this process stops too, so a crashed orchestrator never leaves orphans behind.
/// </summary>
public sealed class ParentProcessOptions
{
    public const string SectionName = "ParentProcess";

    /// <summary>The parent's process id; 0 (the default) disables the watchdog.</summary>
    public int Id { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
