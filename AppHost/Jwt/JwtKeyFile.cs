using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ClusterSessions.AppHost.Cluster;

namespace ClusterSessions.AppHost.Jwt;

/// <summary>
/// The jwt pool's signing keys, made once per run folder (<c>jwt-keys.json</c>, owner-only) and handed to every jwt
/// node, so tokens verify on all of them and survive restarts of the cluster in the same folder.
/// </summary>
internal static class JwtKeyFile
{
    public const string Es256 = "ES256";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<JwtKey> LoadOrCreate(string path, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (File.Exists(path))
        {
            var keys = JsonSerializer.Deserialize<List<JwtKey>>(File.ReadAllText(path), Json);
            if (keys is { Count: > 0 })
            {
                return keys;
            }
        }

        var now = timeProvider.GetUtcNow();
        List<JwtKey> created = [new JwtKey($"es256-{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}", Es256, GenerateEs256(), now)];
        UnixPermissions.CreateOwnerOnlyDirectory(Path.GetDirectoryName(path)!);
        UnixPermissions.WriteOwnerOnlyFile(path, JsonSerializer.Serialize(created, Json));
        return created;
    }

    private static string GenerateEs256()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey());
    }
}
