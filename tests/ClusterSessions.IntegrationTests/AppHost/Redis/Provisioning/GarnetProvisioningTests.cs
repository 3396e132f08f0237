using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.AppHost.Redis.Provisioning;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetProvisioningTests(ProtectedGarnetFixture fixture, ITestOutputHelper output)
    : ProvisioningTestsBase<ProtectedGarnetFixture>(fixture, output), IClassFixture<ProtectedGarnetFixture>;
