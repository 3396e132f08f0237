using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Commands;

namespace ClusterSessions.Hosting.Redis;

/// <summary>Healthy when the server answers PING. One client, reconnecting on its own, for the life of the cluster.</summary>
internal sealed class RedisPingProbe(string connectionString) : IHealthProbe
{
    private readonly RedisClient _client = new(Quick(RedisConnectionOptions.Parse(connectionString)));

    public async Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.PingAsync(cancellationToken).ConfigureAwait(false);
            return (HealthStatus.Healthy, null);
        }
        catch (RedisException exception)
        {
            return (HealthStatus.Unhealthy, exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (HealthStatus.Unhealthy, "PING timed out");
        }
    }

    private static RedisConnectionOptions Quick(RedisConnectionOptions options)
    {
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
        options.CommandTimeout = TimeSpan.FromSeconds(1);
        return options;
    }
}
