namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Which real Redis a fixture asks for.</summary>
public enum RedisBackend
{
    /// <summary>Any Redis: a Testcontainers container when a Docker engine answers, else a redis-server or Garnet process.</summary>
    Container,

    /// <summary>A redis-server process (can be stopped, restarted on the same AOF, frozen).</summary>
    RedisServer,

    /// <summary>A Garnet process from the garnet-server local tool (can be stopped, restarted on the same AOF, frozen).</summary>
    Garnet,
}
