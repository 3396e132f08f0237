namespace ClusterSessions.AppHost.Configuration;

/// <summary>The toggles of DESIGN.md, bound from <c>Cluster:*</c> (appsettings.json, <c>Cluster__…</c> env, <c>--Cluster:…</c> args).</summary>
internal sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Comma-separated pools to run side by side: <c>local,sticky,redis,jwt</c>.</summary>
    public string Strategies { get; set; } = "local,sticky,redis,jwt";

    public int NodesPerStrategy { get; set; } = 3;

    /// <summary>Nodes per pool that exist stopped (explicit start) for scale-out from the lab or compare.</summary>
    public int SpareNodesPerStrategy { get; set; } = 2;

    /// <summary>A YARP load-balancing policy name.</summary>
    public string LoadBalancing { get; set; } = "RoundRobin";

    /// <summary>The one public entry; 0 picks a free port.</summary>
    public int GatewayPort { get; set; } = 8080;

    /// <summary>The Aspire dashboard; 0 picks a free port.</summary>
    public int DashboardPort { get; set; } = 18888;

    /// <summary>The lab page and its control API; 0 picks a free port.</summary>
    public int LabPort { get; set; } = 18890;

    public RedisOptions Redis { get; set; } = new();

    /// <summary><c>DenyList</c> (jti deny-list in Redis) or <c>None</c> (pure stateless tokens).</summary>
    public JwtRevocation JwtRevocation { get; set; } = JwtRevocation.DenyList;

    /// <summary>
    /// The <c>jwt</c> nodes remember tokens that passed validation until they expire (<c>Jwt:TokenCache:Enabled</c>),
    /// skipping the signature check for a token seen before; the deny-list is still read on every request.
    /// </summary>
    public bool JwtTokenCache { get; set; }

    /// <summary>
    /// The <c>redis</c> pool's answer to a Redis outage (<c>Session__StoreDown</c> on its nodes): <c>Fail</c> (503 + Retry-After)
    /// or <c>Silent</c> (ASP.NET Core session's stock behaviour: logins and carts silently look empty).
    /// </summary>
    public SessionStoreDown SessionStoreDown { get; set; } = SessionStoreDown.Fail;

    /// <summary>
    /// <c>Http2</c>: the gateway forwards to the nodes' h2c ports, which under load roughly halves its and the nodes' CPU
    /// per request; <c>Http1</c>: to their HTTP/1.1 ports, cheaper at a handful of requests in flight (README, bake-off).
    /// </summary>
    public NodeProtocol NodeProtocol { get; set; } = NodeProtocol.Http2;

    /// <summary>Where a run keeps its state (Redis AOF, JWT keys, the last compare); relative paths are under the current directory.</summary>
    public string RunDirectory { get; set; } = ".run";

    public IReadOnlyList<string> StrategyList =>
        Strategies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Redis runs when a pool keeps its state there: <c>redis</c>, or <c>jwt</c> with the deny-list.</summary>
    public bool NeedsRedis =>
        StrategyList.Contains("redis") || (StrategyList.Contains("jwt") && JwtRevocation == JwtRevocation.DenyList);
}
