using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Hosting.Processes;
using System.Net;
using ClusterSessions.Hosting.Redis.Provisioning;
using StackExchange.Redis;

namespace ClusterSessions.Hosting.Redis;

public static class RedisResourceExtensions
{
    /// <summary>
    /// The shared store, per <c>Cluster:Redis:Mode</c>: <c>Auto</c> (redis-server on PATH, else Garnet),
    /// <c>Garnet</c>, <c>RedisServer</c>, or <c>External</c> (<c>Cluster:Redis:ConnectionString</c>). Local servers
    /// keep an append-only file in the run folder, so a Redis restart loses no session.
    /// </summary>
    public static ResourceBuilder AddRedis(this ClusterApplicationBuilder builder, string name = "redis")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Options.Redis;
        if (options.Mode == "External")
        {
            return AddExternal(builder, name, options.ConnectionString);
        }

        var kind = options.Mode switch
        {
            "Garnet" => RedisServerKind.Garnet,
            "RedisServer" => RedisServerKind.RedisServer,
            _ => RedisServerLocator.ResolveAuto(),
        };
        if (kind == RedisServerKind.Garnet && GarnetTool.Find(ProjectOutputs.RepositoryRoot)?.ServerDllPath is null)
        {
            // First use on a fresh clone: the local tool is restored once, then run directly.
            GarnetTool.RestoreAsync(ProjectOutputs.RepositoryRoot).GetAwaiter().GetResult();
        }

        // Options validation has checked that redis-server exists when it is asked for.
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = kind,
            Port = PortAllocator.Allocate(),
            DataDirectory = Directory.CreateDirectory(Path.Combine(builder.RunDirectory, name)).FullName,
            ToolManifestSearchDirectory = ProjectOutputs.RepositoryRoot,
        });

        var resource = new Resource
        {
            Name = name,
            Kind = ResourceKind.Redis,
            Port = launch.Port,
            Url = $"redis://127.0.0.1:{launch.Port}",
            Process = new ProcessSpec
            {
                FileName = launch.FileName,
                Arguments = launch.Arguments,
                WorkingDirectory = launch.WorkingDirectory,
                NeedsParentWatchdog = true,
            },
            HealthProbe = new RedisPingProbe(launch.ConnectionString),
            Logs = new LogBuffer(builder.TimeProvider),
            Description = $"{(kind == RedisServerKind.Garnet ? "Garnet" : "redis-server")}, AOF in {launch.WorkingDirectory}",
        };
        // Garnet JIT-compiles each command path on first use; pay that before the first user request does.
        resource.AfterStart = async cancellationToken =>
        {
            await RedisServerWarmUp.RunAsync(launch.ConnectionString, cancellationToken).ConfigureAwait(false);
            // One shared Data Protection key before any node starts, so every node can read every node's cookies.
            await Task.Run(() => SharedKeyRing.EnsureKey(launch.ConnectionString), cancellationToken).ConfigureAwait(false);
        };
        if (kind == RedisServerKind.Garnet)
        {
            // Garnet acknowledges writes before its AOF is flushed and does not flush on SIGTERM.
            resource.BeforeStop = cancellationToken => CommitAofAsync(launch.ConnectionString, cancellationToken);
        }

        return builder.AddResource(resource, () => launch.ConnectionString);
    }

    private static async Task CommitAofAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ProvisioningConnection.Options(connectionString)).ConfigureAwait(false);
        await connection.GetDatabase().ExecuteAsync("COMMITAOF").WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ResourceBuilder AddExternal(ClusterApplicationBuilder builder, string name, string connectionString)
    {
        // Options validation has parsed it already and checked that it names an endpoint.
        var parsed = ConfigurationOptions.Parse(connectionString);
        parsed.SetDefaultPorts();
        var (host, port) = parsed.EndPoints[0] switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => (other.ToString() ?? "?", 0),
        };

        var resource = new Resource
        {
            Name = name,
            Kind = ResourceKind.Redis,
            Port = port,
            Url = $"redis://{host}:{port}",
            HealthProbe = new RedisPingProbe(connectionString),
            Logs = new LogBuffer(builder.TimeProvider),
            Description = "external",
            AfterStart = cancellationToken => Task.Run(() => SharedKeyRing.EnsureKey(connectionString), cancellationToken),
        };
        return builder.AddResource(resource, () => connectionString);
    }
}
