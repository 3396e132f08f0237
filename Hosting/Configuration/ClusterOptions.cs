namespace ClusterSessions.Hosting.Configuration;

/// <summary>The toggles of DESIGN.md, bound from <c>Cluster:*</c> (appsettings.json, <c>Cluster__…</c> env, <c>--Cluster:…</c> args).</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Comma-separated pools to run side by side: <c>local,sticky,redis,jwt</c>.</summary>
    public string Strategies { get; set; } = "local,sticky,redis,jwt";

    public int NodesPerStrategy { get; set; } = 3;

    /// <summary>A YARP load-balancing policy name.</summary>
    public string LoadBalancing { get; set; } = "RoundRobin";

    /// <summary>The one public entry; 0 picks a free port.</summary>
    public int GatewayPort { get; set; } = 8080;

    /// <summary>0 picks a free port.</summary>
    public int DashboardPort { get; set; } = 18888;

    public RedisOptions Redis { get; set; } = new();

    /// <summary><c>DenyList</c> (jti deny-list in Redis) or <c>None</c> (pure stateless tokens).</summary>
    public string JwtRevocation { get; set; } = "DenyList";

    /// <summary>
    /// The <c>redis</c> pool's answer to a Redis outage (<c>Session__StoreDown</c> on its nodes): <c>Fail</c> (503 + Retry-After)
    /// or <c>Silent</c> (ASP.NET Core session's stock behaviour: logins and carts silently look empty).
    /// </summary>
    public string SessionStoreDown { get; set; } = "Fail";

    /// <summary>Where a run keeps its state (Redis AOF, JWT keys); relative paths are under the current directory.</summary>
    public string RunDirectory { get; set; } = ".run";

    /// <summary>How long a resource may take to report healthy before the start fails.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> StrategyList =>
        Strategies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
