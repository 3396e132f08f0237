using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.AppHost.Nodes;

/// <summary>Fluent configuration of a pool, applied to every node resource it has (spares included).</summary>
internal sealed class NodePoolBuilder(NodePool pool, IDistributedApplicationBuilder applicationBuilder)
{
    public NodePool Pool { get; } = pool;

    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    /// <summary><c>ConnectionStrings__{name}</c> on every node, as Aspire passes it to a project.</summary>
    public NodePoolBuilder WithReference(IResourceBuilder<IResourceWithConnectionString> resource) =>
        Each(node => node.WithReference(resource));

    /// <summary>The pool's nodes start once <paramref name="resource"/> is healthy.</summary>
    public NodePoolBuilder WaitFor(IResourceBuilder<IResource> resource) =>
        Each(node => node.WaitFor(resource));

    public NodePoolBuilder WithEnvironment(string name, string value) =>
        Each(node => node.WithEnvironment(name, value));

    /// <summary>Evaluated each time a node starts, so a restart picks up a changed value.</summary>
    public NodePoolBuilder WithEnvironment(string name, Func<string> value) =>
        Each(node => node.WithEnvironment(context => context.EnvironmentVariables[name] = value()));

    public NodePoolBuilder WithParameter(string name, IResourceBuilder<ParameterResource> parameter) =>
        Each(node => node.WithEnvironment(name, parameter));

    public const string StoreDownVariable = "Session__StoreDown";

    /// <summary><c>Session__StoreDown</c>: the configured value, or the one compare's silent-outage scenario sets for a while.</summary>
    public NodePoolBuilder WithStoreDown(Configuration.SessionStoreDown configured) =>
        WithOverridableEnvironment(StoreDownVariable, configured.ToString());

    /// <summary><paramref name="configured"/>, unless <see cref="NodePool.Override"/> set another value for the nodes' next start.</summary>
    public NodePoolBuilder WithOverridableEnvironment(string name, string configured) =>
        WithEnvironment(name, () => Pool.OverrideOf(name) ?? configured);

    private NodePoolBuilder Each(Action<IResourceBuilder<ExecutableResource>> configure)
    {
        foreach (var node in Pool.Resources)
        {
            configure(node);
        }

        return this;
    }
}
