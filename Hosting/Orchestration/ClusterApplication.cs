using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Compare;
using ClusterSessions.Hosting.Configuration;
using ClusterSessions.Hosting.Dashboard;
using ClusterSessions.Hosting.Testing;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.Hosting.Orchestration;

/// <summary>
/// The running cluster: starts every resource in dependency order, serves the dashboard API, changes pools at
/// run time and stops everything (in reverse order) on Ctrl+C, SIGTERM or <see cref="StopAsync"/>.
/// </summary>
public sealed partial class ClusterApplication : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ResourceSupervisor> _supervisors = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly IReadOnlyList<NodePool> _pools;
    private readonly ClusterApplicationBuilder _builder;
    private readonly ResourceSupervisor? _gateway;
    private readonly GatewayAdminClient? _gatewayAdmin;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _poolChanges = new(1, 1);
    private readonly Lock _stopLock = new();
    private DashboardServer? _dashboard;
    private Task? _stopping;
    private string? _loadBalancing;

    internal ClusterApplication(
        ClusterApplicationBuilder builder,
        IReadOnlyList<Resource> resources,
        IReadOnlyList<NodePool> pools,
        GatewayBuilder? gateway)
    {
        _builder = builder;
        _pools = pools;
        _loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .AddFilter("Microsoft", LogLevel.Warning));
        _logger = _loggerFactory.CreateLogger("ClusterSessions.AppHost");
        foreach (var resource in resources)
        {
            AddSupervisor(resource);
        }

        if (gateway is not null)
        {
            _gateway = _supervisors[gateway.Resource.Resource.Name];
            _gatewayAdmin = new GatewayAdminClient(builder.HttpClient, gateway.AdminPort);
            _gateway.Resource.AfterStart = SyncGatewayAsync;
        }
    }

    public ClusterOptions Options => _builder.Options;

    /// <summary>
    /// Reads and validates <c>Cluster:*</c>. On a bad value a command-line AppHost prints one line naming the key
    /// and exits 1; under <see cref="ClusterTesting"/> the exception reaches the test instead.
    /// </summary>
    public static ClusterApplicationBuilder CreateBuilder(string[] args)
    {
        try
        {
            return ClusterApplicationBuilder.Create(args);
        }
        catch (ClusterConfigurationException exception) when (ClusterTesting.Capture.Value is null)
        {
            Console.Error.WriteLine(exception.Message);
            Environment.Exit(1);
            throw;
        }
    }

    /// <summary>Every resource, in the order they were added (redis, gateway, then the pools' nodes).</summary>
    public IReadOnlyList<Resource> Resources
    {
        get
        {
            lock (_order)
            {
                return _order.Select(name => _supervisors[name].Resource).ToList();
            }
        }
    }

    public IReadOnlyList<NodePool> Pools => _pools;

    public Uri? GatewayUrl => _gateway is null ? null : new Uri(_gateway.Resource.Url);

    public Uri? DashboardUrl => _dashboard?.Url;

    /// <summary>The gateway's load-balancing policy now: <c>Cluster:LoadBalancing</c> until the dashboard changes it.</summary>
    public string LoadBalancing => _loadBalancing ?? Options.LoadBalancing;

    /// <summary>The dashboard reads the gateway's traffic through it; null without a gateway.</summary>
    internal GatewayAdminClient? GatewayAdmin => _gatewayAdmin;

    internal TimeProvider TimeProvider => _builder.TimeProvider;

    public Resource? FindResource(string name) => _supervisors.TryGetValue(name, out var s) ? s.Resource : null;

    /// <summary>Starts the dashboard API, then every resource once its dependencies are healthy.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _dashboard = await DashboardServer.StartAsync(this, Options.DashboardPort, cancellationToken).ConfigureAwait(false);
        var started = new ConcurrentDictionary<Resource, Lazy<Task>>();
        Task StartWithDependencies(Resource resource) => started.GetOrAdd(resource, r => new Lazy<Task>(async () =>
        {
            await Task.WhenAll(r.Dependencies.Select(StartWithDependencies)).ConfigureAwait(false);
            await _supervisors[r.Name].StartAsync(cancellationToken).ConfigureAwait(false);
        })).Value;

        try
        {
            await Task.WhenAll(Resources.Select(StartWithDependencies)).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts the cluster, prints the READY line and runs until Ctrl+C or SIGTERM (or <see cref="StopAsync"/>).
    /// Returns the process exit code.
    /// </summary>
    public async Task<int> RunAsync()
    {
        var capture = ClusterTesting.Capture.Value;
        using var signals = capture is null ? ListenForShutdownSignals() : null;
        try
        {
            await StartAsync(_shutdown.Token).ConfigureAwait(false);
        }
        catch (ResourceStartException exception)
        {
            capture?.TrySetException(exception);
            await Console.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            capture?.TrySetCanceled();
            await StopAsync().ConfigureAwait(false);
            return 0;
        }

        if (_builder.Compare is { } compare)
        {
            try
            {
                return await CompareCommand.RunAsync(this, compare, _shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
            {
                return 130;
            }
            finally
            {
                await StopAsync().ConfigureAwait(false);
            }
        }

        await Console.Out.WriteLineAsync($"READY gateway={Trim(GatewayUrl)} dashboard={Trim(DashboardUrl)}").ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        capture?.TrySetResult(this);

        try
        {
            await Task.Delay(Timeout.Infinite, _shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown requested.
        }

        await StopAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Stops the gateway, then the nodes, then the stores; then the dashboard. Safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (_stopLock)
        {
            _stopping ??= StopCoreAsync();
            return _stopping;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var name in _supervisors.Keys)
        {
            if (_supervisors.TryRemove(name, out var supervisor))
            {
                await supervisor.DisposeAsync().ConfigureAwait(false);
            }
        }

        _shutdown.Dispose();
        _poolChanges.Dispose();
        _builder.HttpClient.Dispose();
        _loggerFactory.Dispose();
    }

    /// <summary>Runs a resource action from the dashboard API: <c>start</c>, <c>stop</c>, <c>restart</c> or <c>kill</c>.</summary>
    public async Task ExecuteAsync(string resourceName, ResourceAction action, CancellationToken cancellationToken = default)
    {
        if (!_supervisors.TryGetValue(resourceName, out var supervisor))
        {
            throw new KeyNotFoundException($"no resource named '{resourceName}'");
        }

        ActionRequested(_logger, action.ToString().ToLowerInvariant(), resourceName);
        switch (action)
        {
            case ResourceAction.Start:
                await supervisor.StartAsync(cancellationToken).ConfigureAwait(false);
                break;
            case ResourceAction.Stop:
                await supervisor.StopAsync(cancellationToken).ConfigureAwait(false);
                break;
            case ResourceAction.Restart:
                await supervisor.RestartAsync(cancellationToken).ConfigureAwait(false);
                break;
            case ResourceAction.Kill:
                await supervisor.KillAsync(cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action");
        }
    }

    /// <summary>Scale out: starts one more node in <paramref name="strategy"/>'s pool, then routes traffic to it.</summary>
    public async Task<Resource> AddNodeAsync(string strategy, CancellationToken cancellationToken = default)
    {
        var node = await StartNodeAsync(strategy, cancellationToken).ConfigureAwait(false);
        await JoinPoolAsync(node, cancellationToken).ConfigureAwait(false);
        return node;
    }

    /// <summary>
    /// Starts a new node of <paramref name="strategy"/>'s pool and waits until it is healthy, without routing to it yet
    /// (<see cref="JoinPoolAsync"/> does): a start takes seconds, joining the load balancer is instant.
    /// </summary>
    public async Task<Resource> StartNodeAsync(string strategy, CancellationToken cancellationToken = default)
    {
        var pool = FindPool(strategy);
        var node = _builder.CreateNode(pool);
        var supervisor = AddSupervisor(node);
        try
        {
            await supervisor.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ForgetAsync(supervisor).ConfigureAwait(false);
            throw;
        }

        return node;
    }

    /// <summary>Adds a started node to its pool at the gateway.</summary>
    public async Task JoinPoolAsync(Resource node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var pool = FindPool(node.Pool ?? throw new ArgumentException($"{node.Name} is not a node", nameof(node)));
        await _poolChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            pool.Add(node);
            await SyncGatewayPoolAsync(pool, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _poolChanges.Release();
        }
    }

    private NodePool FindPool(string strategy) =>
        _pools.SingleOrDefault(p => p.Strategy == strategy) ?? throw new KeyNotFoundException($"no pool named '{strategy}'");

    /// <summary>Scale in: stops routing to the node, then stops it and forgets it.</summary>
    public async Task RemoveNodeAsync(string nodeName, CancellationToken cancellationToken = default)
    {
        await _poolChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_supervisors.TryGetValue(nodeName, out var supervisor) || supervisor.Resource.Kind != ResourceKind.Node)
            {
                throw new KeyNotFoundException($"no node named '{nodeName}'");
            }

            var pool = _pools.Single(p => p.Strategy == supervisor.Resource.Pool);
            pool.Remove(supervisor.Resource);
            await SyncGatewayPoolAsync(pool, cancellationToken).ConfigureAwait(false);
            await ForgetAsync(supervisor).ConfigureAwait(false);
        }
        finally
        {
            _poolChanges.Release();
        }
    }

    /// <summary>
    /// Switches every pool to another YARP load-balancing policy at run time. Remembered, so a gateway that restarts
    /// (or a pool that changes later) keeps it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is not one of the YARP policies.</exception>
    public async Task SetLoadBalancingAsync(string policy, CancellationToken cancellationToken = default)
    {
        if (!ClusterOptionsValidator.LoadBalancingPolicies.Contains(policy))
        {
            throw new ArgumentException(
                $"'{policy}' is not one of {string.Join(", ", ClusterOptionsValidator.LoadBalancingPolicies)}", nameof(policy));
        }

        await _poolChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _loadBalancing = policy;
            LoadBalancingChanged(_logger, policy);
            await SyncGatewayAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _poolChanges.Release();
        }
    }

    private async Task ForgetAsync(ResourceSupervisor supervisor)
    {
        await supervisor.DisposeAsync().ConfigureAwait(false);
        _supervisors.TryRemove(supervisor.Resource.Name, out _);
        lock (_order)
        {
            _order.Remove(supervisor.Resource.Name);
        }
    }

    private ResourceSupervisor AddSupervisor(Resource resource)
    {
        var supervisor = new ResourceSupervisor(resource, _builder.TimeProvider, Options.StartTimeout, _logger);
        if (!_supervisors.TryAdd(resource.Name, supervisor))
        {
            throw new InvalidOperationException($"a resource named '{resource.Name}' already exists");
        }

        lock (_order)
        {
            _order.Add(resource.Name);
        }

        return supervisor;
    }

    private async Task SyncGatewayAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in _pools)
        {
            await SyncGatewayPoolAsync(pool, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SyncGatewayPoolAsync(NodePool pool, CancellationToken cancellationToken)
    {
        // A stopped gateway learns the pools when it starts again (AfterStart).
        if (_gatewayAdmin is not null && _gateway?.Resource.State == ResourceState.Running)
        {
            await _gatewayAdmin.SetPoolAsync(pool, LoadBalancing, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopCoreAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        Stopping(_logger);
        var all = _supervisors.Values.ToList();
        // Reverse dependency order: the entry first, so no request reaches a node that is going away.
        foreach (var kind in new[] { ResourceKind.Gateway, ResourceKind.Node, ResourceKind.Redis })
        {
            await Task.WhenAll(all.Where(s => s.Resource.Kind == kind).Select(s => s.StopAsync())).ConfigureAwait(false);
        }

        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SignalRegistrations ListenForShutdownSignals()
    {
        void Shutdown(PosixSignalContext context)
        {
            // Stop in order ourselves instead of letting the runtime end the process under the children.
            context.Cancel = true;
            _shutdown.Cancel();
        }

        return new SignalRegistrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Shutdown),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Shutdown));
    }

    private static string Trim(Uri? url) => url?.ToString().TrimEnd('/') ?? "-";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Action} {Resource} requested")]
    private static partial void ActionRequested(ILogger logger, string action, string resource);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stopping the cluster")]
    private static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Load balancing is now {Policy}")]
    private static partial void LoadBalancingChanged(ILogger logger, string policy);
}
