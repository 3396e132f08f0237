namespace ClusterSessions.Hosting.Configuration;

public sealed class RedisOptions
{
    /// <summary><c>Auto</c> (redis-server on PATH, else Garnet), <c>Garnet</c>, <c>RedisServer</c> or <c>External</c>.</summary>
    public string Mode { get; set; } = "Auto";

    /// <summary>For <c>External</c>: <c>host:port[,password=…]</c>.</summary>
    public string ConnectionString { get; set; } = "";
}
