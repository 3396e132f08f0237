using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis.Provisioning;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

[TestServerKind(RedisServerKind.Garnet)]
public sealed class GarnetLifecycleTests(ProtectedGarnetFixture fixture, ITestOutputHelper output)
    : RedisLifecycleTestsBase<ProtectedGarnetFixture>(fixture, output), IClassFixture<ProtectedGarnetFixture>;
