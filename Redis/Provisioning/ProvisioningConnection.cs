namespace ClusterSessions.Redis.Provisioning;

/// <summary>
/// Connection options for one-off setup steps run right after a server starts (warm-up, the shared key ring). The
/// request path's 1 s command timeout is right for users, who get a clear 503, but a setup step that times out fails
/// the whole start: on a busy two-core machine a fresh server's first PING took over a second.
/// </summary>
internal static class ProvisioningConnection
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static RedisConnectionOptions Options(string connectionString)
    {
        var options = RedisConnectionOptions.Parse(connectionString);
        options.ConnectTimeout = Timeout;
        options.CommandTimeout = Timeout;
        return options;
    }
}
