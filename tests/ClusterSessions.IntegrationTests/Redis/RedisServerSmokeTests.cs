using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerSmokeTests(RedisServerFixture fixture, ITestOutputHelper output)
    : SmokeTestsBase<RedisServerFixture>(fixture, output), IClassFixture<RedisServerFixture>;
