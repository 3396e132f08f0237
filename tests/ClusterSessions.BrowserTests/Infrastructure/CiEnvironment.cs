namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>CI=true turns "skip when chromium is missing" into "fail": CI must never pass by skipping.</summary>
internal static class CiEnvironment
{
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
