using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Commands;
using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Redis.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.AppHost.Redis;

internal static class SessionStoreExtensions
{
    /// <summary>
    /// The shared store, per <c>Cluster:Redis:Mode</c>: <c>Auto</c> (redis-server on PATH, else Garnet), <c>Garnet</c>,
    /// <c>RedisServer</c> (executables keeping an append-only file in the run folder, so a restart loses no session),
    /// <c>Container</c> (Aspire's <c>AddRedis</c>) or <c>External</c> (<c>Cluster:Redis:ConnectionString</c>). The
    /// executables require a password, made once per run folder (<see cref="RedisPasswordFile"/>): any local process could
    /// otherwise read or change every session. Before any node starts it holds one shared Data Protection key, so every
    /// node can read every node's cookies.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddSessionStore(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var model = builder.GetClusterModel();
        IResourceBuilder<IResourceWithConnectionString> store = model.Options.Redis.Mode switch
        {
            RedisMode.Container => builder.AddContainerRedis(name, model),
            RedisMode.External => builder.AddExternalRedis(name, model),
            RedisMode.Garnet => builder.AddRedisServer(name, RedisServerKind.Garnet, model),
            RedisMode.RedisServer => builder.AddRedisServer(name, RedisServerKind.RedisServer, model),
            _ => builder.AddRedisServer(name, RedisServerLocator.ResolveAuto(), model),
        };

        builder.Eventing.Subscribe<ResourceReadyEvent>(store.Resource, async (_, cancellationToken) =>
        {
            var connectionString = await store.Resource.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{name} has no connection string");
            // Garnet JIT-compiles each command path on first use; pay that before the first user request does.
            await RedisServerWarmUp.RunAsync(connectionString, cancellationToken).ConfigureAwait(false);
            await Task.Run(() => SharedKeyRing.EnsureKey(connectionString), cancellationToken).ConfigureAwait(false);
        });
        return store;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddContainerRedis(this IDistributedApplicationBuilder builder, string name, ClusterModel model)
    {
        model.Store = new StoreInfo(name, "Aspire.Hosting.Redis container (AddRedis)", ConnectionString: null, Kind: null);
        return builder.AddRedis(name);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddExternalRedis(this IDistributedApplicationBuilder builder, string name, ClusterModel model)
    {
        var connectionString = model.Options.Redis.ConnectionString;
        model.Store = new StoreInfo(name, "external", connectionString, Kind: null);
        return builder.AddConnectionString(name, ReferenceExpression.Create($"{connectionString}"));
    }

    private static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, RedisServerKind kind, ClusterModel model)
    {
        if (kind == RedisServerKind.Garnet && GarnetTool.Find(ProjectOutputs.RepositoryRoot)?.ServerDllPath is null)
        {
            // First use on a fresh clone: the local tool is restored once, then run directly.
            GarnetTool.RestoreAsync(ProjectOutputs.RepositoryRoot).GetAwaiter().GetResult();
        }

        // Options validation has checked that redis-server exists when it is asked for.
        var dataDirectory = UnixPermissions.CreateOwnerOnlyDirectory(Path.Combine(model.RunDirectory, name)).FullName;
        var password = RedisPasswordFile.LoadOrCreate(dataDirectory);
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = kind,
            Port = FreePorts.Allocate(),
            DataDirectory = dataDirectory,
            Password = password,
            ToolManifestSearchDirectory = ProjectOutputs.RepositoryRoot,
        });
        // The password reaches the server in a file, never as an argument (the dashboard shows those).
        launch.ConfigFile?.Write();
        // As AddRedis makes its password: a secret parameter, which the dashboard masks.
        var passwordParameter = builder.AddParameter($"{name}-password", password, secret: true);
        var resource = new RedisServerResource(name, launch, passwordParameter.Resource);
        model.Store = new StoreInfo(name, resource.Description, launch.ConnectionString, kind);

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(launch.ConnectionString, name: healthCheck);
        return builder.AddResource(resource)
            .WithArgs([.. launch.Arguments])
            .WithEndpoint(port: launch.Port, targetPort: launch.Port, name: RedisServerResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthCheck)
            .WithKillCommand()
            .ExcludeFromManifest();
    }
}
