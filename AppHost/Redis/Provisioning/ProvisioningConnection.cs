using StackExchange.Redis;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>
/// Connection options for one-off setup steps run right after a server starts (warm-up, the shared key ring). The
/// request path's 1 s command timeout is right for users, who get a clear 503, but a setup step that times out fails
/// the whole start: on a busy two-core machine a fresh server's first PING took over a second.
/// </summary>
internal static class ProvisioningConnection
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Parses a StackExchange.Redis configuration string; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var milliseconds = (int)Timeout.TotalMilliseconds;
        options.ConnectTimeout = milliseconds;
        options.SyncTimeout = milliseconds;
        options.AsyncTimeout = milliseconds;
        // A server that has just printed its ready line can still refuse or drop the very first connection (Garnet
        // while it replays its AOF). With AbortOnConnectFail the multiplexer would give up on that first attempt;
        // without it, it keeps reconnecting in the background and the commands wait for it within the timeout.
        options.AbortOnConnectFail = false;
        return options;
    }
}
