using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.AppHost.Redis;

/// <summary>
/// redis-server or Garnet as an executable resource. Its connection string reaches the nodes as
/// <c>ConnectionStrings__{name}</c> through <c>WithReference</c>, exactly as Aspire's container-based <c>AddRedis</c> would,
/// with the password as a secret parameter, as <c>AddRedis</c> has it.
/// </summary>
internal sealed class RedisServerResource(string name, RedisServerLaunch launch, ParameterResource? passwordParameter)
    : ExecutableResource(name, launch.FileName, launch.WorkingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    private EndpointReference? _endpoint;

    public RedisServerLaunch Launch { get; } = launch;

    /// <summary>The server's password (<c>{name}-password</c>, secret); null when it has none.</summary>
    public ParameterResource? PasswordParameter { get; } = passwordParameter;

    public EndpointReference PrimaryEndpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>
    /// <c>127.0.0.1:port[,password=…]</c>: the server binds IPv4 loopback only, and <c>localhost</c> may resolve to ::1 first.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression =>
        PasswordParameter is null
            ? ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}")
            : ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    /// <summary>What the lab and compare print about the store.</summary>
    public string Description =>
        $"{(Launch.Kind == RedisServerKind.Garnet ? "Garnet" : "redis-server")}, AOF in {Launch.WorkingDirectory}";
}
