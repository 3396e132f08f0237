using StackExchange.Redis;
using StackExchange.Redis.Configuration;

namespace ClusterSessions.WebNode.Sessions.Redis;

/// <summary>
/// Defaults for the node's Redis connection; a timeout given in the connection string still wins. An outage must
/// answer within about a second (a 503 the client can act on), not queue requests behind a dead server.
/// </summary>
internal sealed class RedisConnectionDefaults : DefaultOptionsProvider
{
    // Keep retrying in the background rather than refusing to start when Redis is down (as Aspire's defaults do).
    public override bool AbortOnConnectFail => false;

    public override TimeSpan? ConnectTimeout => TimeSpan.FromSeconds(2);

    // The async timeout follows the sync one unless the connection string says otherwise.
    public override TimeSpan SyncTimeout => TimeSpan.FromSeconds(1);

    // Timeouts are noticed on the heartbeat: with the 1 s default a hung server's requests fail after 1 to 2 s.
    public override TimeSpan HeartbeatInterval => TimeSpan.FromMilliseconds(250);
}
