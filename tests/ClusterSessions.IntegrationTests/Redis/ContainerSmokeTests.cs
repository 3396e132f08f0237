using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.Redis;

/// <summary>The any-Redis fixture: a Testcontainers container with Docker, a process without it.</summary>
public sealed class ContainerSmokeTests(ContainerFixture fixture, ITestOutputHelper output) : IClassFixture<ContainerFixture>
{
    [ContainerFact]
    public async Task StringSetAndGet_NewKey_RoundTrips()
    {
        output.WriteLine($"redis backend: {fixture.Description}");
        await using var connection = await fixture.CreateMultiplexerAsync();
        var key = $"it:{Guid.NewGuid():N}";

        await connection.GetDatabase().StringSetAsync(key, "value", TimeSpan.FromMinutes(1));

        Assert.Equal("value", (string?)await connection.GetDatabase().StringGetAsync(key));
    }
}
