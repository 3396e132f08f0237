namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>A fact that needs redis-server: skipped with a reason when it is missing, except with CI=true.</summary>
public sealed class RedisServerFactAttribute : FactAttribute
{
    public RedisServerFactAttribute()
    {
        if (ServerAvailability.GetSkipReason(RedisBackend.RedisServer) is { } reason)
        {
            Skip = reason;
        }
    }
}
