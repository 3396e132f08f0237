namespace ClusterSessions.Gateway.Pools;

/// <summary>One node pool: <c>Gateway:Pools:{strategy}:Destinations:{node-id}=http://127.0.0.1:port/</c>.</summary>
internal sealed class PoolOptions
{
    public Dictionary<string, string> Destinations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cookie affinity: a client keeps hitting the node that first served it (the <c>sticky</c> pool).</summary>
    public bool Affinity { get; set; }

    /// <summary>A YARP load-balancing policy name; empty means the gateway-wide <see cref="GatewayOptions.LoadBalancing"/>.</summary>
    public string? LoadBalancing { get; set; }
}
