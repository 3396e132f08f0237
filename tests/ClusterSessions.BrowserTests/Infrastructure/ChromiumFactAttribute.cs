namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// A fact that drives chromium: skipped with a reason when it is missing, except with CI=true, where the test runs
/// and fails with the same reason (see <see cref="BrowserFixture"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled && !CiEnvironment.IsCi)
        {
            Skip = Chromium.MissingReason;
        }
    }
}
