using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.AppHost.Redis.Provisioning;

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerProvisioningTests(ProtectedRedisServerFixture fixture, ITestOutputHelper output)
    : ProvisioningTestsBase<ProtectedRedisServerFixture>(fixture, output), IClassFixture<ProtectedRedisServerFixture>;
