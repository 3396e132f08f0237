using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Lab.Security;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>
/// What the AppHost built, as the lab, compare and the READY line need it at run time: the options, the pools and
/// which nodes the gateway routes to, the gateway's ports and the load-balancing policy now in force.
/// </summary>
internal sealed class ClusterModel(ClusterOptions options, string runDirectory)
{
    private readonly List<NodePool> _pools = [];
    private string? _loadBalancing;

    public ClusterOptions Options { get; } = options;

    /// <summary>Absolute path of this run's folder (AOF, JWT keys, the lab's last compare).</summary>
    public string RunDirectory { get; } = runDirectory;

    public IReadOnlyList<NodePool> Pools => _pools;

    public GatewayEndpoints? Gateway { get; set; }

    /// <summary>The store's resource name and a line about it (server kind, where its AOF is); null without Redis.</summary>
    public StoreInfo? Store { get; set; }

    public Uri? LabUrl { get; set; }

    /// <summary>This run's token for the lab's control API: made once, with the model, and never written to disk.</summary>
    public ControlToken ControlToken { get; } = ControlToken.Create();

    /// <summary>
    /// The lab's link with its token (<c>/?t=…</c>, like the dashboard's <c>login?t=</c>): opening it gives the browser
    /// the lab's cookie. Null until the lab has a URL.
    /// </summary>
    public Uri? LabLoginUrl =>
        LabUrl is { } lab ? new Uri(lab, $"/?{ControlToken.QueryName}={ControlToken.Value}") : null;

    /// <summary>The Aspire dashboard's login link (its token included); null when the dashboard is off.</summary>
    public Uri? DashboardLoginUrl { get; set; }

    /// <summary>The gateway's load-balancing policy now: <c>Cluster:LoadBalancing</c> until the lab changes it.</summary>
    public string LoadBalancing
    {
        get => Volatile.Read(ref _loadBalancing) ?? Options.LoadBalancing;
        set => Volatile.Write(ref _loadBalancing, value);
    }

    public NodePool? FindPool(string strategy) => _pools.FirstOrDefault(p => p.Strategy == strategy);

    public NodePool? FindPoolOf(string nodeName) => _pools.FirstOrDefault(p => p.Nodes.Any(n => n.Name == nodeName));

    /// <summary>Every resource READY waits for: the store, the gateway and every node that is not a spare.</summary>
    public IEnumerable<string> RequiredResources =>
        new[] { Store?.Name, Gateway?.Name }.OfType<string>()
            .Concat(_pools.SelectMany(p => p.Nodes).Where(n => !n.Spare).Select(n => n.Name));

    internal void Add(NodePool pool) => _pools.Add(pool);
}
