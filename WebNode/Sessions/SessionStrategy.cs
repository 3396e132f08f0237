namespace ClusterSessions.WebNode.Sessions;

/// <summary>Where a node keeps login state. Each name, in lower case, is also the pool's path (<c>/local</c>, ...).</summary>
internal enum SessionStrategy
{
    /// <summary>Node memory, each node with its own key ring: the failure behind a round-robin load balancer.</summary>
    Local,

    /// <summary>Node memory, with cookie affinity at the gateway.</summary>
    Sticky,

    /// <summary>ASP.NET Core session and login tickets in Redis, with the key ring shared through Redis.</summary>
    Redis,

    /// <summary>A signed token the client carries (JwtBearer).</summary>
    Jwt,
}
