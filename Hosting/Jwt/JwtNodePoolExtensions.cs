using System.Globalization;
using ClusterSessions.Hosting.Orchestration;

namespace ClusterSessions.Hosting.Jwt;

public static class JwtNodePoolExtensions
{
    public const string Issuer = "cluster-sessions";
    public const string Audience = "cluster-sessions-jwt";

    /// <summary>Gives every node of the pool the run's signing keys (<c>Jwt__Keys__N__…</c>), issuer and audience.</summary>
    public static NodePoolBuilder WithJwtKeys(this NodePoolBuilder pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var keys = JwtKeyFile.LoadOrCreate(Path.Combine(pool.ApplicationBuilder.RunDirectory, "jwt-keys.json"), pool.ApplicationBuilder.TimeProvider);
        for (var i = 0; i < keys.Count; i++)
        {
            var prefix = $"Jwt__Keys__{i.ToString(CultureInfo.InvariantCulture)}__";
            pool.WithEnvironment(prefix + "Id", keys[i].Id)
                .WithEnvironment(prefix + "Algorithm", keys[i].Algorithm)
                .WithEnvironment(prefix + "Key", keys[i].Key);
            if (keys[i].CreatedAt is { } createdAt)
            {
                pool.WithEnvironment(prefix + "CreatedAt", createdAt.ToString("O", CultureInfo.InvariantCulture));
            }
        }

        return pool.WithEnvironment("Jwt__Issuer", Issuer).WithEnvironment("Jwt__Audience", Audience);
    }

    /// <summary><c>DenyList</c>: logout is recorded in <paramref name="redis"/>; <c>None</c>: tokens live until they expire.</summary>
    public static NodePoolBuilder WithJwtRevocation(this NodePoolBuilder pool, string revocation, ResourceBuilder? redis)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.WithEnvironment("Jwt__Revocation", revocation);
        return revocation == "DenyList" && redis is not null ? pool.WithReference(redis).WaitFor(redis) : pool;
    }
}
