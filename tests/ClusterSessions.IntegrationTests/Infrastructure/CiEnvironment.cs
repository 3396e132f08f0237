namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>CI=true turns "skip when a server is missing" into "fail": CI must never pass by skipping.</summary>
public static class CiEnvironment
{
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
