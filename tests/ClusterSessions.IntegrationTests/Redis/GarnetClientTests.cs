using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Redis;

[TestServerKind(RedisServerKind.Garnet)]
public sealed class GarnetClientTests(GarnetFixture fixture)
    : RedisClientTestsBase<GarnetFixture>(fixture), IClassFixture<GarnetFixture>;
