using ClusterSessions.Redis.Health;
using ClusterSessions.Redis.Tests.TestDoubles;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterSessions.Redis.Tests.Health;

public sealed class RedisHealthCheckTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryRedisClient _redis;

    public RedisHealthCheckTests()
    {
        _redis = new InMemoryRedisClient(_time);
    }

    [Fact]
    public async Task CheckHealthAsync_PingAnswered_IsHealthy()
    {
        var result = await Check(new RedisHealthCheck(_redis, _time));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("in-memory:0", result.Data["endpoint"]);
    }

    [Fact]
    public async Task CheckHealthAsync_ConnectionFails_IsUnhealthyWithReason()
    {
        _redis.Override = (_, _) => Task.FromException<RedisValue>(new RedisConnectionException("Redis at x is unavailable (refused)"));

        var result = await Check(new RedisHealthCheck(_redis, _time));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("refused", result.Description, StringComparison.Ordinal);
        Assert.IsType<RedisConnectionException>(result.Exception);
    }

    [Fact]
    public async Task CheckHealthAsync_PingNeverAnswers_IsUnhealthyAfterItsTimeout()
    {
        _redis.Override = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return RedisValue.Null;
        };
        var check = Check(new RedisHealthCheck(_redis, _time, TimeSpan.FromMilliseconds(300)));
        Assert.False(check.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(300));
        var result = await check.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer PING within 300 ms", result.Description, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> Check(RedisHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("redis", check, HealthStatus.Unhealthy, null),
        });
}
