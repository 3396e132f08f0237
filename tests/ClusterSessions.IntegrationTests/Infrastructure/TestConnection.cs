using StackExchange.Redis;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>StackExchange.Redis options for test clients.</summary>
public static class TestConnection
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The production timeouts (1 s) are for users; on a CI machine running several test hosts at once a reply can
    /// take longer than that without anything being wrong. AbortOnConnectFail=false: tests stop and restart servers,
    /// and the multiplexer must keep reconnecting rather than give up. Tests of timeouts set their own.
    /// </summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var milliseconds = (int)Timeout.TotalMilliseconds;
        options.ConnectTimeout = milliseconds;
        options.SyncTimeout = milliseconds;
        options.AsyncTimeout = milliseconds;
        options.AbortOnConnectFail = false;
        return options;
    }
}
