namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that needs any real Redis (<see cref="ContainerFixture"/>): skipped with a reason only when neither a
/// Docker engine, redis-server nor Garnet is there, except with CI=true. A missing Docker alone never skips.
/// </summary>
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        if (ServerAvailability.GetSkipReason(RedisBackend.Container) is { } reason)
        {
            Skip = reason;
        }
    }
}
