using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Hosting.Orchestration;

/// <summary>The identical nodes of one strategy, routed by the gateway at <c>/{Strategy}/</c>. Grows and shrinks at run time.</summary>
public sealed class NodePool
{
    private readonly List<Resource> _nodes = [];
    private readonly List<Action<Resource>> _configure = [];
    private int _lastIndex;

    internal NodePool(string strategy) => Strategy = strategy;

    public string Strategy { get; }

    public string PathBase => $"/{Strategy}";

    /// <summary>Cookie affinity at the gateway (the <c>sticky</c> pool).</summary>
    public bool Affinity => Strategy == "sticky";

    public IReadOnlyList<Resource> Nodes
    {
        get
        {
            lock (_nodes)
            {
                return [.. _nodes];
            }
        }
    }

    internal IReadOnlyList<Action<Resource>> Configuration => _configure;

    internal void Configure(Action<Resource> configure)
    {
        _configure.Add(configure);
        foreach (var node in Nodes)
        {
            configure(node);
        }
    }

    internal string NextNodeName() => $"{Strategy}-{Interlocked.Increment(ref _lastIndex)}";

    internal void Add(Resource node)
    {
        lock (_nodes)
        {
            _nodes.Add(node);
        }
    }

    internal bool Remove(Resource node)
    {
        lock (_nodes)
        {
            return _nodes.Remove(node);
        }
    }
}
