using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Commands;
using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Gateway;
using ClusterSessions.AppHost.Nodes;
using ClusterSessions.AppHost.Redis.Provisioning;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// The running cluster as the lab and compare drive it: resource states and actions through Aspire
/// (<see cref="IResourceControl"/>: the same commands as the dashboard's buttons), pool membership and load
/// balancing through the gateway's admin API.
/// </summary>
internal sealed partial class ClusterControl(
    ClusterModel model,
    IResourceControl resources,
    GatewayAdminClient? gatewayAdmin,
    TimeProvider timeProvider,
    ILogger<ClusterControl> logger)
{
    /// <summary>How long a start may take to turn healthy before the action fails.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _poolChanges = new(1, 1);

    public ClusterModel Model => model;

    public ClusterOptions Options => model.Options;

    public Uri? GatewayUrl => model.Gateway?.Url;

    public string LoadBalancing => model.LoadBalancing;

    public IReadOnlyList<NodePool> Pools => model.Pools;

    public TimeProvider TimeProvider => timeProvider;

    public GatewayAdminClient? GatewayAdmin => gatewayAdmin;

    /// <summary>The store, the gateway, then every node (spares included), as <c>GET /api/resources</c> lists them.</summary>
    public IReadOnlyList<ResourceView> Resources =>
        [.. ResourceNames().Select(name => View(name)!)];

    public ResourceView? FindResource(string name) => ResourceNames().Contains(name) ? View(name) : null;

    /// <summary>
    /// Runs <paramref name="action"/> through Aspire's resource commands and waits for its effect: a start or restart
    /// until the resource is healthy, a stop or kill until its process is gone.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such resource.</exception>
    /// <exception cref="InvalidOperationException">The command failed or did not take effect in time.</exception>
    public async Task ExecuteAsync(string name, ResourceAction action, CancellationToken cancellationToken = default)
    {
        if (!ResourceNames().Contains(name))
        {
            throw new KeyNotFoundException($"no resource named '{name}'");
        }

        ActionRequested(logger, action.ToString().ToLowerInvariant(), name);
        var before = Snapshot(name);
        if (action is ResourceAction.Stop or ResourceAction.Restart && model.Store is { Kind: RedisServerKind.Garnet } store && store.Name == name)
        {
            await CommitAofAsync(cancellationToken).ConfigureAwait(false);
        }

        var command = action switch
        {
            ResourceAction.Start => KnownResourceCommands.StartCommand,
            ResourceAction.Stop => KnownResourceCommands.StopCommand,
            ResourceAction.Restart => KnownResourceCommands.RestartCommand,
            ResourceAction.Kill => KillCommand.Name,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
        };
        var result = await resources.ExecuteCommandAsync(name, command, cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{action.ToString().ToLowerInvariant()} {name}: {result.Message ?? "the command failed"}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            var oldPid = before is null ? null : KillCommand.ProcessId(before);
            Func<CustomResourceSnapshot, bool> done = action is ResourceAction.Start or ResourceAction.Restart
                ? s => IsHealthy(s) && KillCommand.ProcessId(s) != oldPid
                : s => !IsAlive(s);
            await resources.WaitForAsync(name, done, timeout.Token).ConfigureAwait(false);
            // The snapshot the lab answers with may come from a watched copy a few events behind Aspire's own.
            while (Snapshot(name) is not { } latest || !done(latest))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeProvider, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{name} did not {(action is ResourceAction.Start or ResourceAction.Restart ? "turn healthy" : "stop")} within {StartTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Scale out: starts the pool's next spare node, then routes traffic to it.</summary>
    /// <exception cref="KeyNotFoundException">No such pool.</exception>
    /// <exception cref="InvalidOperationException">No spare left, or the start failed.</exception>
    public async Task<ResourceView> AddNodeAsync(string strategy, CancellationToken cancellationToken = default)
    {
        var node = await StartNodeAsync(strategy, cancellationToken).ConfigureAwait(false);
        await JoinPoolAsync(node, cancellationToken).ConfigureAwait(false);
        return View(node.Name)!;
    }

    /// <summary>
    /// Starts a spare of <paramref name="strategy"/>'s pool and waits until it is healthy, without routing to it yet
    /// (<see cref="JoinPoolAsync"/> does): a start takes seconds, joining the load balancer is instant.
    /// </summary>
    public async Task<NodeEndpoint> StartNodeAsync(string strategy, CancellationToken cancellationToken = default)
    {
        var pool = model.FindPool(strategy) ?? throw new KeyNotFoundException($"no pool named '{strategy}'");
        NodeEndpoint spare;
        await _poolChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var members = pool.Members.Select(m => m.Name).ToHashSet();
            spare = pool.Nodes.FirstOrDefault(n => !members.Contains(n.Name) && !IsAlive(Snapshot(n.Name)))
                ?? throw new InvalidOperationException($"pool '{strategy}' has no spare node left (Cluster:SpareNodesPerStrategy is {Options.SpareNodesPerStrategy})");
        }
        finally
        {
            _poolChanges.Release();
        }

        await ExecuteAsync(spare.Name, ResourceAction.Start, cancellationToken).ConfigureAwait(false);
        return spare;
    }

    /// <summary>Adds a started node to its pool at the gateway.</summary>
    public async Task JoinPoolAsync(NodeEndpoint node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var pool = model.FindPoolOf(node.Name) ?? throw new KeyNotFoundException($"no node named '{node.Name}'");
        await ChangePoolAsync(pool, () => pool.Join(node.Name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scale in: stops routing to the node, then stops it; it becomes a spare again.</summary>
    public async Task RemoveNodeAsync(string nodeName, CancellationToken cancellationToken = default)
    {
        var pool = model.FindPoolOf(nodeName) ?? throw new KeyNotFoundException($"no node named '{nodeName}'");
        await ChangePoolAsync(pool, () => pool.Leave(nodeName), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(nodeName, ResourceAction.Stop, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Switches every pool to another YARP load-balancing policy at run time. Remembered, so a gateway that restarts
    /// keeps it.
    /// </summary>
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
            model.LoadBalancing = policy;
            LoadBalancingChanged(logger, policy);
            foreach (var pool in model.Pools)
            {
                await SyncGatewayPoolAsync(pool, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _poolChanges.Release();
        }
    }

    /// <summary>The current Aspire snapshot of a resource by its model name, or null before it has one.</summary>
    public CustomResourceSnapshot? Snapshot(string name) => resources.Snapshot(name);

    private async Task ChangePoolAsync(NodePool pool, Func<bool> change, CancellationToken cancellationToken)
    {
        await _poolChanges.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (change())
            {
                await SyncGatewayPoolAsync(pool, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _poolChanges.Release();
        }
    }

    private async Task SyncGatewayPoolAsync(NodePool pool, CancellationToken cancellationToken)
    {
        // A gateway that is not running reads the pools from its environment when it starts again.
        if (gatewayAdmin is not null && model.Gateway is { } gateway && IsAlive(Snapshot(gateway.Name)))
        {
            await gatewayAdmin.SetPoolAsync(pool, model.LoadBalancing, model.Options.NodeProtocol, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CommitAofAsync(CancellationToken cancellationToken)
    {
        // Garnet acknowledges writes before its AOF is flushed and does not flush on SIGTERM.
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(ProvisioningConnection.Options(model.Store!.ConnectionString!)).ConfigureAwait(false);
            await connection.GetDatabase().ExecuteAsync("COMMITAOF").WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            CommitFailed(logger, exception.Message);
        }
    }

    private IEnumerable<string> ResourceNames() =>
        new[] { model.Store?.Name, model.Gateway?.Name }.OfType<string>().Concat(model.Pools.SelectMany(p => p.Nodes).Select(n => n.Name));

    private ResourceView? View(string name)
    {
        if (!ResourceNames().Contains(name))
        {
            return null;
        }

        var kind = name == model.Store?.Name ? "redis" : name == model.Gateway?.Name ? "gateway" : "node";
        var pool = model.FindPoolOf(name);
        var url = kind switch
        {
            "gateway" => model.Gateway!.Url.ToString().TrimEnd('/'),
            "node" => pool!.Nodes.First(n => n.Name == name).Url,
            _ => null,
        };
        return ResourceView.From(name, kind, Snapshot(name), url, pool?.Strategy);
    }

    internal static bool IsAlive(CustomResourceSnapshot? snapshot) =>
        snapshot?.State?.Text is { } state
        && (state == KnownResourceStates.Running || state == KnownResourceStates.Starting || state == KnownResourceStates.Stopping);

    private static bool IsHealthy(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running
        && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Action} {Resource} requested")]
    private static partial void ActionRequested(ILogger logger, string action, string resource);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Load balancing is now {Policy}")]
    private static partial void LoadBalancingChanged(ILogger logger, string policy);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "COMMITAOF before stopping the store failed: {Reason}")]
    private static partial void CommitFailed(ILogger logger, string reason);
}
