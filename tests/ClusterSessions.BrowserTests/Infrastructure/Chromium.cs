namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// Debian's chromium (apt), driven by Playwright. Playwright never downloads a browser here: it launches this
/// executable with <see cref="Arguments"/>. Its driver (node + the Playwright package) comes with the NuGet package
/// and is copied next to the test assembly (<c>.playwright/</c>) at build; nothing else has to be installed.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Headless, no sandbox (containers, root), and nothing that phones home.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static string MissingReason =>
        $"chromium is not installed at {ExecutablePath} (apt-get install chromium); with CI=true this is a failure, not a skip";
}
