using System.Text;
using ClusterSessions.AppHost.Cluster;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>
/// Settings a server reads from a file rather than its command line (the password): the Aspire dashboard shows an
/// executable's arguments, and any local user can read them in <c>/proc/&lt;pid&gt;/cmdline</c>. Whoever starts the
/// server writes it first, owner-only (the AppHost once per run; a restart reads the same file).
/// </summary>
internal sealed record RedisServerConfigFile(string Path, string Contents)
{
    public void Write()
    {
        UnixPermissions.CreateOwnerOnlyDirectory(System.IO.Path.GetDirectoryName(Path)!);
        UnixPermissions.WriteOwnerOnlyFile(Path, Contents);
    }

    // Records print every property; the contents are a secret.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Path = ").Append(Path).Append(", Contents = ***");
        return true;
    }
}
