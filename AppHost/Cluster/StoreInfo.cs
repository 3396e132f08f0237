using System.Text;
using ClusterSessions.AppHost.Redis.Provisioning;
using StackExchange.Redis;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>
/// The session store resource as the lab and compare describe it. <see cref="Kind"/> is the server the AppHost runs
/// itself (null for a container or an external one); <see cref="ConnectionString"/> is null until a container has one,
/// and carries the password (<c>,password=…</c>) for the AppHost's own connections (COMMITAOF, faults).
/// </summary>
internal sealed record StoreInfo(string Name, string Description, string? ConnectionString, RedisServerKind? Kind)
{
    // Records print every property; the connection string carries the password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", Description = ").Append(Description)
            .Append(", ConnectionString = ").Append(Mask(ConnectionString))
            .Append(", Kind = ").Append(Kind);
        return true;
    }

    private static string? Mask(string? connectionString)
    {
        try
        {
            return connectionString is null ? null : ConfigurationOptions.Parse(connectionString).ToString(includePassword: false);
        }
        catch (ArgumentException)
        {
            return "***";
        }
    }
}
