using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Configuration;
using ClusterSessions.AppHost.Nodes;
using Microsoft.Extensions.Configuration;

namespace ClusterSessions.AppHost.Jwt;

internal static class JwtNodePoolExtensions
{
    public const string Issuer = "cluster-sessions";
    public const string Audience = "cluster-sessions-jwt";

    public const string TokenCacheVariable = "Jwt__TokenCache__Enabled";

    /// <summary>
    /// Gives every node of the pool the run's signing keys (<c>Jwt__Keys__N__…</c>), issuer and audience. The private
    /// keys are secret parameters, so the dashboard masks them; the file in the run folder keeps them across restarts.
    /// </summary>
    public static NodePoolBuilder WithJwtKeys(this NodePoolBuilder pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var builder = pool.ApplicationBuilder;
        var model = builder.GetClusterModel();
        var keys = JwtKeyFile.LoadOrCreate(Path.Combine(model.RunDirectory, "jwt-keys.json"), TimeProvider.System);
        for (var i = 0; i < keys.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var parameterName = $"jwt-signing-key-{index}";
            builder.Configuration[$"Parameters:{parameterName}"] = keys[i].Key;
            var secret = builder.AddParameter(parameterName, secret: true);
            var prefix = $"Jwt__Keys__{index}__";
            pool.WithEnvironment(prefix + "Id", keys[i].Id)
                .WithEnvironment(prefix + "Algorithm", keys[i].Algorithm)
                .WithParameter(prefix + "Key", secret);
            if (keys[i].CreatedAt is { } createdAt)
            {
                pool.WithEnvironment(prefix + "CreatedAt", createdAt.ToString("O", CultureInfo.InvariantCulture));
            }
        }

        return pool.WithEnvironment("Jwt__Issuer", Issuer).WithEnvironment("Jwt__Audience", Audience);
    }

    /// <summary>
    /// <c>Jwt__TokenCache__Enabled</c>: the configured value (<c>Cluster:JwtTokenCache</c>), or the one compare's cost
    /// scenario sets while it measures the other.
    /// </summary>
    public static NodePoolBuilder WithJwtTokenCache(this NodePoolBuilder pool, bool configured)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.WithOverridableEnvironment(TokenCacheVariable, configured ? "true" : "false");
    }

    /// <summary><c>DenyList</c>: logout is recorded in <paramref name="redis"/>; <c>None</c>: tokens live until they expire.</summary>
    public static NodePoolBuilder WithJwtRevocation(this NodePoolBuilder pool, JwtRevocation revocation, IResourceBuilder<IResourceWithConnectionString>? redis)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.WithEnvironment("Jwt__Revocation", revocation.ToString());
        return revocation == JwtRevocation.DenyList && redis is not null ? pool.WithReference(redis).WaitFor(redis) : pool;
    }
}
