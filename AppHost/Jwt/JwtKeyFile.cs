using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

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
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Write(path, JsonSerializer.Serialize(created, Json));
        return created;
    }

    private static string GenerateEs256()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey());
    }

    // Created owner-only rather than chmod-ed afterwards, so the private key is never readable by others.
    private static void Write(string path, string contents)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, contents);
            return;
        }

        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = ownerOnly }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        // An existing (empty) file keeps its old mode on FileMode.Create.
        File.SetUnixFileMode(path, ownerOnly);
    }
}
