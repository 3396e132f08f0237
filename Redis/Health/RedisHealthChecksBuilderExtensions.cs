using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterSessions.Redis.Health;

public static class RedisHealthChecksBuilderExtensions
{
    /// <summary>Adds <see cref="RedisHealthCheck"/> over the registered <see cref="IRedisClient"/>.</summary>
    public static IHealthChecksBuilder AddRedisHealthCheck(
        this IHealthChecksBuilder builder,
        string name = "redis",
        TimeSpan? timeout = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new RedisHealthCheck(sp.GetRequiredService<IRedisClient>(), sp.GetService<TimeProvider>(), timeout),
            failureStatus,
            tags));
    }
}
