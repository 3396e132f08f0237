namespace ClusterSessions.WebNode.Sessions.Redis;

/// <summary>The shared store of the <c>redis</c> strategy: <c>ConnectionStrings:redis</c> (the AppHost sets <c>ConnectionStrings__redis</c>).</summary>
internal sealed class RedisSessionOptions
{
    public const string ConnectionStringName = "redis";

    public string? ConnectionString { get; set; }

}
