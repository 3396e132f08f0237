using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Hosting.Redis.Provisioning;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetProcessTests(ProtectedGarnetFixture fixture, ITestOutputHelper output)
    : RedisServerProcessTestsBase<ProtectedGarnetFixture>(fixture, output), IClassFixture<ProtectedGarnetFixture>;
