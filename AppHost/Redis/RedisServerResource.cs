using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.AppHost.Redis;

/// <summary>
/// redis-server or Garnet as an executable resource. Its connection string reaches the nodes as
/// <c>ConnectionStrings__{name}</c> through <c>WithReference</c>, exactly as Aspire's container-based <c>AddRedis</c> would.
/// </summary>
internal sealed class RedisServerResource(string name, RedisServerLaunch launch)
    : ExecutableResource(name, launch.FileName, launch.WorkingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    private EndpointReference? _endpoint;

    public RedisServerLaunch Launch { get; } = launch;

    public EndpointReference PrimaryEndpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>
    /// <c>127.0.0.1:port</c>: the server binds IPv4 loopback only, and <c>localhost</c> may resolve to ::1 first.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    /// <summary>What the lab and compare print about the store.</summary>
    public string Description =>
        $"{(Launch.Kind == RedisServerKind.Garnet ? "Garnet" : "redis-server")}, AOF in {Launch.WorkingDirectory}";
}
