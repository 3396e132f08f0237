namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>A test that needs node and the jose package: skipped with the reason on a developer machine, run (and failing) when CI=true.</summary>
public sealed class JoseFactAttribute : FactAttribute
{
    public JoseFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && JoseVerifier.WhyUnavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
