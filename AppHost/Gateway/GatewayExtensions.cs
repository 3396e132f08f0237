using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Gateway;

internal static class GatewayExtensions
{
    /// <summary>
    /// The gateway on <c>Cluster:GatewayPort</c> (0: a free port), with its admin API on a free port of its own behind
    /// this run's <see cref="GatewayAdminToken"/>, and <c>Cluster:LoadBalancing</c>. Not proxied by DCP, so a request
    /// reaches a node in one hop.
    /// </summary>
    public static IResourceBuilder<GatewayResource> AddGateway(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var model = builder.GetClusterModel();
        var endpoints = new GatewayEndpoints(name, FreePorts.Allocate(model.Options.GatewayPort), FreePorts.Allocate());
        model.Gateway = endpoints;
        var assembly = ProjectOutputs.GatewayAssembly;
        // As Redis's password: a secret parameter, which the dashboard masks where it lists the gateway's environment.
        var adminToken = builder.AddParameter(GatewayAdminToken.ParameterName, GatewayAdminToken.Value, secret: true);
        return builder.AddResource(new GatewayResource(name, Path.GetDirectoryName(assembly)!))
            .WithArgs(assembly)
            .WithHttpEndpoint(port: endpoints.Port, targetPort: endpoints.Port, isProxied: false)
            .WithEnvironment("ASPNETCORE_URLS", $"{endpoints.Url.ToString().TrimEnd('/')};http://127.0.0.1:{Port(endpoints.AdminPort)}")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("DOTNET_gcServer", "0")
            .WithEnvironment("Node__Id", name)
            .WithEnvironment("Gateway__AdminPort", Port(endpoints.AdminPort))
            .WithEnvironment("Gateway__AdminToken", adminToken)
            // Read at each start: a restarted gateway keeps the lab's policy.
            .WithEnvironment(context => context.EnvironmentVariables["Gateway__LoadBalancing"] = model.LoadBalancing)
            .WithTelemetryToDashboard(model)
            .WithHttpHealthCheck("/health")
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Routes <c>/{strategy}/**</c> to each pool's member nodes in <c>Cluster:NodeProtocol</c>, at the port that speaks it
    /// (<c>Gateway__Pools__…</c>, read at each start, so a restarted gateway keeps scale-outs); the gateway starts once
    /// the pools' first nodes are healthy.
    /// </summary>
    public static IResourceBuilder<GatewayResource> WithPools(this IResourceBuilder<GatewayResource> gateway, IEnumerable<NodePoolBuilder> pools)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(pools);
        var protocol = gateway.ApplicationBuilder.GetClusterModel().Options.NodeProtocol;
        gateway.WithEnvironment("Gateway__NodeProtocol", protocol.ToString());
        foreach (var pool in pools.Select(p => p.Pool))
        {
            foreach (var node in pool.InitialResources)
            {
                gateway.WaitFor(node);
            }

            gateway.WithEnvironment(context =>
            {
                var prefix = $"Gateway__Pools__{pool.Strategy}__";
                context.EnvironmentVariables[prefix + "Affinity"] = pool.Affinity ? "true" : "false";
                foreach (var node in pool.Members)
                {
                    context.EnvironmentVariables[$"{prefix}Destinations__{node.Name}"] = node.GatewayAddress(protocol);
                }
            });
        }

        return gateway;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
