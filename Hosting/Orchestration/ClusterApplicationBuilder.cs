using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Compare;
using ClusterSessions.Hosting.Configuration;
using ClusterSessions.Hosting.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Hosting.Orchestration;

/// <summary>
/// Describes the cluster (Aspire's DistributedApplicationBuilder, in miniature): configuration, then resources
/// and their references, then <see cref="Build"/>.
/// </summary>
public sealed class ClusterApplicationBuilder
{
    private readonly List<ResourceBuilder> _resources = [];
    private readonly List<NodePool> _pools = [];
    private GatewayBuilder? _gateway;

    private ClusterApplicationBuilder(IConfiguration configuration, ClusterOptions options)
    {
        Configuration = configuration;
        Options = options;
        RunDirectory = Path.GetFullPath(options.RunDirectory);
        HttpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    }

    public IConfiguration Configuration { get; }

    public ClusterOptions Options { get; }

    public IReadOnlyList<string> Strategies => Options.StrategyList;

    /// <summary>The <c>redis</c> pool needs the store, and so does <c>jwt</c> with the deny-list on.</summary>
    public bool NeedsRedis =>
        Strategies.Contains("redis") || (Strategies.Contains("jwt") && Options.JwtRevocation == "DenyList");

    /// <summary>Where this run keeps its state (Redis AOF, JWT keys).</summary>
    public string RunDirectory { get; }

    internal HttpClient HttpClient { get; }

    internal TimeProvider TimeProvider { get; } = TimeProvider.System;

    /// <summary>Reads <c>Cluster:*</c> from appsettings.json, <c>Cluster__…</c> env and <c>--Cluster:…</c> args, and validates it.</summary>
    /// <exception cref="ClusterConfigurationException">A value is invalid; the message is one line naming the key.</exception>
    public static ClusterApplicationBuilder Create(string[] args)
    {
        var (compare, clusterArguments, commandError) = CompareCommand.Parse(args);
        if (commandError is not null)
        {
            throw new ClusterConfigurationException(commandError);
        }

        args = clusterArguments;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var options = new ClusterOptions();
        try
        {
            configuration.GetSection(ClusterOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new ClusterConfigurationException($"error: {exception.Message}", exception);
        }

        var result = new ClusterOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ClusterConfigurationException("error: " + string.Join("; ", result.Failures));
        }

        return new ClusterApplicationBuilder(configuration, options) { Compare = compare };
    }

    /// <summary>Set when the AppHost was started as <c>compare</c>: run the scenarios, write the report, stop.</summary>
    public CompareOptions? Compare { get; private init; }

    /// <summary>A pool of <see cref="ClusterOptions.NodesPerStrategy"/> identical nodes running <paramref name="strategy"/>.</summary>
    public NodePoolBuilder AddNodePool(string strategy)
    {
        var pool = new NodePool(strategy);
        _pools.Add(pool);
        for (var i = 0; i < Options.NodesPerStrategy; i++)
        {
            pool.Add(CreateNode(pool));
        }

        return new NodePoolBuilder(pool, this);
    }

    public GatewayBuilder AddGateway(string name = "gateway")
    {
        var port = PortAllocator.Allocate(Options.GatewayPort);
        var adminPort = PortAllocator.Allocate();
        var url = $"http://127.0.0.1:{port}";
        var resource = new Resource
        {
            Name = name,
            Kind = ResourceKind.Gateway,
            Port = port,
            Url = url,
            Process = DotNetProcess(ProjectOutputs.GatewayAssembly),
            HealthProbe = new HttpHealthProbe(HttpClient, new Uri($"{url}/health")),
            Logs = new LogBuffer(TimeProvider),
        };
        SetServiceEnvironment(resource, name);
        resource.SetEnvironment("ASPNETCORE_URLS", $"{url};http://127.0.0.1:{adminPort}");
        resource.SetEnvironment("Gateway__AdminPort", adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        resource.SetEnvironment("Gateway__LoadBalancing", Options.LoadBalancing);
        var builder = new ResourceBuilder(resource, () => url);
        _resources.Add(builder);
        _gateway = new GatewayBuilder(builder, adminPort);
        return _gateway;
    }

    /// <summary>Adds an already-described resource (e.g. a Redis server from an extension method).</summary>
    public ResourceBuilder AddResource(Resource resource, Func<string> connectionString)
    {
        var builder = new ResourceBuilder(resource, connectionString);
        _resources.Add(builder);
        return builder;
    }

    public ClusterApplication Build() =>
        new(this, [.. _resources.Select(r => r.Resource), .. _pools.SelectMany(p => p.Nodes)], _pools, _gateway);

    internal Resource CreateNode(NodePool pool)
    {
        var name = pool.NextNodeName();
        var port = PortAllocator.Allocate();
        var url = $"http://127.0.0.1:{port}";
        var node = new Resource
        {
            Name = name,
            Kind = ResourceKind.Node,
            Pool = pool.Strategy,
            Port = port,
            Url = url,
            Process = DotNetProcess(ProjectOutputs.WebNodeAssembly),
            HealthProbe = new HttpHealthProbe(HttpClient, new Uri($"{url}/health")),
            Logs = new LogBuffer(TimeProvider),
        };
        SetServiceEnvironment(node, name);
        node.SetEnvironment("ASPNETCORE_URLS", url);
        node.SetEnvironment("Node__PathBase", pool.PathBase);
        node.SetEnvironment("Session__Strategy", pool.Strategy);
        foreach (var configure in pool.Configuration)
        {
            configure(node);
        }

        return node;
    }

    private static ProcessSpec DotNetProcess(string assemblyPath) => new()
    {
        FileName = "dotnet",
        Arguments = [assemblyPath],
        WorkingDirectory = Path.GetDirectoryName(assemblyPath),
    };

    private static void SetServiceEnvironment(Resource resource, string nodeId)
    {
        resource.SetEnvironment("Node__Id", nodeId);
        resource.SetEnvironment("ParentProcess__Id", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        resource.SetEnvironment("ASPNETCORE_ENVIRONMENT", "Production");
        // A dozen processes share two cores here: workstation GC keeps each one small.
        resource.SetEnvironment("DOTNET_gcServer", "0");
    }
}
