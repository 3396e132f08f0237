namespace ClusterSessions.Hosting.ApplicationModel;

/// <summary>How to launch a resource's process.</summary>
public sealed record ProcessSpec
{
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// True for programs that cannot watch their parent themselves (redis-server, Garnet): they run under a
    /// small shell watchdog that ends them when the AppHost dies. .NET processes of this repo watch
    /// <c>ParentProcess__Id</c> themselves.
    /// </summary>
    public bool NeedsParentWatchdog { get; init; }
}
