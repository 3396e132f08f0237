using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.AppHost.Nodes;

/// <summary>
/// The identical nodes of one strategy, routed by the gateway at <c>/{Strategy}/</c>: one Aspire resource per node,
/// plus spares that start only when the pool scales out. What is configured on the pool applies to every node.
/// </summary>
internal sealed class NodePool
{
    private readonly List<(NodeEndpoint Endpoint, IResourceBuilder<ExecutableResource> Resource)> _nodes = [];
    private readonly List<string> _members = [];
    private readonly Dictionary<string, string> _overrides = new(StringComparer.Ordinal);

    public NodePool(string strategy) => Strategy = strategy;

    public string Strategy { get; }

    public string PathBase => $"/{Strategy}";

    /// <summary>Cookie affinity at the gateway (the <c>sticky</c> pool).</summary>
    public bool Affinity => Strategy == "sticky";

    /// <summary>Every node resource, spares included, in name order.</summary>
    public IReadOnlyList<NodeEndpoint> Nodes => [.. _nodes.Select(n => n.Endpoint)];

    /// <summary>The nodes the gateway routes to now: the initial ones, plus those a scale-out added.</summary>
    public IReadOnlyList<NodeEndpoint> Members
    {
        get
        {
            lock (_members)
            {
                return [.. _nodes.Select(n => n.Endpoint).Where(n => _members.Contains(n.Name))];
            }
        }
    }

    /// <summary>
    /// Gives nodes started from now on <paramref name="value"/> for the environment variable <paramref name="name"/>
    /// instead of the configured one (see <see cref="NodePoolBuilder.WithOverridableEnvironment"/>); null goes back to it.
    /// compare's scenarios use it to restart a pool under another setting for a while.
    /// </summary>
    public void Override(string name, string? value)
    {
        lock (_overrides)
        {
            if (value is null)
            {
                _overrides.Remove(name);
            }
            else
            {
                _overrides[name] = value;
            }
        }
    }

    /// <summary>The value <see cref="Override"/> set for <paramref name="name"/>, if any.</summary>
    public string? OverrideOf(string name)
    {
        lock (_overrides)
        {
            return _overrides.GetValueOrDefault(name);
        }
    }

    internal IEnumerable<IResourceBuilder<ExecutableResource>> Resources => _nodes.Select(n => n.Resource);

    internal IEnumerable<IResourceBuilder<ExecutableResource>> InitialResources =>
        _nodes.Where(n => !n.Endpoint.Spare).Select(n => n.Resource);

    public bool Join(string name)
    {
        lock (_members)
        {
            if (_members.Contains(name) || _nodes.All(n => n.Endpoint.Name != name))
            {
                return false;
            }

            _members.Add(name);
            return true;
        }
    }

    public bool Leave(string name)
    {
        lock (_members)
        {
            return _members.Remove(name);
        }
    }

    internal void Add(NodeEndpoint endpoint, IResourceBuilder<ExecutableResource> resource)
    {
        _nodes.Add((endpoint, resource));
        if (!endpoint.Spare)
        {
            Join(endpoint.Name);
        }
    }
}
