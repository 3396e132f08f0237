using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis.Provisioning;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

[TestServerKind(RedisServerKind.RedisServer)]
public sealed class RedisServerLifecycleTests(ProtectedRedisServerFixture fixture, ITestOutputHelper output)
    : RedisLifecycleTestsBase<ProtectedRedisServerFixture>(fixture, output), IClassFixture<ProtectedRedisServerFixture>;
