namespace ClusterSessions.Hosting.ApplicationModel;

/// <summary>
/// One process of the cluster (Redis, the gateway, a node): what it is, how to launch it, and what it is doing now.
/// The supervisor owns the runtime state; everyone else reads it.
/// </summary>
public sealed class Resource
{
    private readonly List<Resource> _dependencies = [];
    private readonly Dictionary<string, Func<string>> _environment = new(StringComparer.Ordinal);

    public required string Name { get; init; }

    public required ResourceKind Kind { get; init; }

    /// <summary>The strategy pool of a node (<c>local</c>, ...); null for other resources.</summary>
    public string? Pool { get; init; }

    public required int Port { get; init; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:5123</c> or <c>redis://127.0.0.1:6400</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Null for a resource that is not a process of ours (an external Redis).</summary>
    public ProcessSpec? Process { get; init; }

    public required IHealthProbe HealthProbe { get; init; }

    /// <summary>A short human description, e.g. which Redis server and where its data lives.</summary>
    public string? Description { get; init; }

    public required LogBuffer Logs { get; init; }

    /// <summary>Started (and healthy) before this one starts.</summary>
    public IReadOnlyList<Resource> Dependencies => _dependencies;

    /// <summary>Environment passed to the process; values are read at each start (e.g. a connection string).</summary>
    public IReadOnlyDictionary<string, Func<string>> Environment => _environment;

    /// <summary>Runs after each successful start, e.g. the gateway is told the current pools, Redis is warmed up.</summary>
    public Func<CancellationToken, Task>? AfterStart { get; set; }

    /// <summary>Runs before a graceful stop (SIGTERM), e.g. Garnet is told to flush its append-only file.</summary>
    public Func<CancellationToken, Task>? BeforeStop { get; set; }

    public ResourceState State { get; internal set; } = ResourceState.NotStarted;

    public HealthStatus Health { get; internal set; } = HealthStatus.Unknown;

    /// <summary>The last reason the health probe gave (e.g. the store a node cannot reach).</summary>
    public string? HealthDescription { get; internal set; }

    public int? ProcessId { get; internal set; }

    public int? ExitCode { get; internal set; }

    public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>Starts after the first one.</summary>
    public int RestartCount { get; internal set; }

    public void AddDependency(Resource resource)
    {
        if (!_dependencies.Contains(resource))
        {
            _dependencies.Add(resource);
        }
    }

    public void SetEnvironment(string name, string value) => _environment[name] = () => value;

    public void SetEnvironment(string name, Func<string> value) => _environment[name] = value;

    public override string ToString() => $"{Name} ({Kind}, {State}, {Health})";
}
