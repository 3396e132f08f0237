using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Hosting.Orchestration;

/// <summary>Fluent configuration of a pool, applied to every node it has and will have.</summary>
public sealed class NodePoolBuilder
{
    internal NodePoolBuilder(NodePool pool, ClusterApplicationBuilder applicationBuilder)
    {
        Pool = pool;
        ApplicationBuilder = applicationBuilder;
    }

    public NodePool Pool { get; }

    public ClusterApplicationBuilder ApplicationBuilder { get; }

    /// <summary>Passes the resource's connection string as <c>ConnectionStrings__{name}</c>.</summary>
    public NodePoolBuilder WithReference(ResourceBuilder resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Pool.Configure(node => node.SetEnvironment($"ConnectionStrings__{resource.Resource.Name}", () => resource.ConnectionString));
        return this;
    }

    /// <summary>The pool's nodes start only once <paramref name="resource"/> is healthy.</summary>
    public NodePoolBuilder WaitFor(ResourceBuilder resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Pool.Configure(node => node.AddDependency(resource.Resource));
        return this;
    }

    public NodePoolBuilder WithEnvironment(string name, string value)
    {
        Pool.Configure(node => node.SetEnvironment(name, value));
        return this;
    }

    public NodePoolBuilder WithEnvironment(string name, Func<string> value)
    {
        Pool.Configure(node => node.SetEnvironment(name, value));
        return this;
    }
}
