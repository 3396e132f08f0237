namespace ClusterSessions.AppHost.Redis.Provisioning;

internal enum RedisServerKind
{
    /// <summary>Redis' own <c>redis-server</c>, found on PATH.</summary>
    RedisServer,

    /// <summary>Microsoft Garnet, from the repository's <c>garnet-server</c> local dotnet tool.</summary>
    Garnet,
}
