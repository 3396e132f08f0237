using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Redis;

[TestServerKind(RedisServerKind.RedisServer)]
public sealed class RedisServerClientTests(RedisServerFixture fixture)
    : RedisClientTestsBase<RedisServerFixture>(fixture), IClassFixture<RedisServerFixture>;
