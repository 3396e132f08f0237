using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetSmokeTests(GarnetFixture fixture, ITestOutputHelper output)
    : SmokeTestsBase<GarnetFixture>(fixture, output), IClassFixture<GarnetFixture>;
