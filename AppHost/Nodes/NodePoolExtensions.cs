using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Commands;

namespace ClusterSessions.AppHost.Nodes;

internal static class NodePoolExtensions
{
    /// <summary>
    /// <c>{strategy}-1</c> … <c>{strategy}-N</c> (<c>Cluster:NodesPerStrategy</c>), each a WebNode process from the built
    /// output on loopback ports of its own (see <see cref="NodeEndpoint"/>), not proxied by DCP, healthy when <c>/health</c> says so; then
    /// <c>Cluster:SpareNodesPerStrategy</c> more that start only on scale-out.
    /// </summary>
    public static NodePoolBuilder AddNodePool(this IDistributedApplicationBuilder builder, string strategy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var model = builder.GetClusterModel();
        var pool = new NodePool(strategy);
        var count = model.Options.NodesPerStrategy + model.Options.SpareNodesPerStrategy;
        for (var i = 1; i <= count; i++)
        {
            var endpoint = new NodeEndpoint($"{strategy}-{i}", FreePorts.Allocate(), FreePorts.Allocate(), Spare: i > model.Options.NodesPerStrategy);
            var node = builder.AddDotNetApp(ProjectOutputs.WebNodeAssembly, endpoint)
                .WithEnvironment("Node__PathBase", pool.PathBase)
                .WithEnvironment("Session__Strategy", strategy)
                .WithHttpHealthCheck("/health")
                .WithKillCommand();
            if (endpoint.Spare)
            {
                node.WithExplicitStart();
            }

            pool.Add(endpoint, node);
        }

        model.Add(pool);
        return new NodePoolBuilder(pool, builder);
    }

    /// <summary>
    /// A built ASP.NET Core app as an executable resource: <c>dotnet App.dll</c>, without the <c>dotnet run</c> wrapper that
    /// a project resource costs (about 130 MB per process here), telemetry to the Aspire dashboard. Kestrel's own
    /// endpoint configuration gives it the endpoint's two ports: <c>Http</c> (HTTP/1.1) and <c>H2c</c> (HTTP/2 only).
    /// </summary>
    internal static IResourceBuilder<ExecutableResource> AddDotNetApp(this IDistributedApplicationBuilder builder, string assemblyPath, NodeEndpoint endpoint)
    {
        return builder.AddExecutable(endpoint.Name, "dotnet", Path.GetDirectoryName(assemblyPath)!, assemblyPath)
            // Not proxied: DCP's proxy would add a hop and keep a dead node's port accepting connections.
            .WithHttpEndpoint(port: endpoint.Port, targetPort: endpoint.Port, isProxied: false)
            .WithEnvironment($"{KestrelEndpoints}Http__Url", endpoint.Url)
            .WithEnvironment($"{KestrelEndpoints}H2c__Url", endpoint.H2cUrl)
            .WithEnvironment($"{KestrelEndpoints}H2c__Protocols", "Http2")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("Node__Id", endpoint.Name)
            // A dozen processes share two cores here: workstation GC keeps each one small.
            .WithEnvironment("DOTNET_gcServer", "0")
            .WithTelemetryToDashboard(builder.GetClusterModel());
    }

    private const string KestrelEndpoints = "Kestrel__Endpoints__";
}
