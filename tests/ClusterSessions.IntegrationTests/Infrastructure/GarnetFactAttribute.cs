namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>A fact that needs the restored garnet-server tool: skipped with a reason otherwise, except with CI=true.</summary>
public sealed class GarnetFactAttribute : FactAttribute
{
    public GarnetFactAttribute()
    {
        if (ServerAvailability.GetSkipReason(RedisBackend.Garnet) is { } reason)
        {
            Skip = reason;
        }
    }
}
