using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Hosting.Redis.Provisioning;

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerProcessTests(ProtectedRedisServerFixture fixture, ITestOutputHelper output)
    : RedisServerProcessTestsBase<ProtectedRedisServerFixture>(fixture, output), IClassFixture<ProtectedRedisServerFixture>;
