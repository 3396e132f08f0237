using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Hosting.Orchestration;

public sealed class ResourceBuilder
{
    internal ResourceBuilder(Resource resource, Func<string> connectionString)
    {
        Resource = resource;
        ConnectionStringFactory = connectionString;
    }

    public Resource Resource { get; }

    public string ConnectionString => ConnectionStringFactory();

    internal Func<string> ConnectionStringFactory { get; }

    public ResourceBuilder WaitFor(ResourceBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Resource.AddDependency(other.Resource);
        return this;
    }
}
