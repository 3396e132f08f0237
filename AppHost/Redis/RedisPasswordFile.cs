using System.Security.Cryptography;
using ClusterSessions.AppHost.Cluster;

namespace ClusterSessions.AppHost.Redis;

/// <summary>
/// The store's password, made once per run folder (<c>&lt;run&gt;/redis/password</c>, owner-only) beside the AOF and
/// reused by later runs in the same folder. 256 random bits as hex: nothing to escape in a StackExchange.Redis
/// connection string, a redis.conf line or JSON.
/// </summary>
internal static class RedisPasswordFile
{
    public const string FileName = "password";

    public static string LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing && IsWellFormed(existing))
        {
            return existing;
        }

        var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        UnixPermissions.WriteOwnerOnlyFile(path, created + "\n");
        return created;
    }

    // A hand-edited file may hold anything; only what needs no escaping anywhere is used, else a new one is made.
    private static bool IsWellFormed(string password) => password.All(char.IsAsciiLetterOrDigit);
}
