namespace ClusterSessions.AppHost.Configuration;

internal sealed class RedisOptions
{
    public RedisMode Mode { get; set; } = RedisMode.Auto;

    /// <summary>For <c>External</c>: <c>host:port[,password=…]</c>.</summary>
    public string ConnectionString { get; set; } = "";
}
