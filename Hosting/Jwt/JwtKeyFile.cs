using System.Text.Json;
using ClusterSessions.Tokens;

namespace ClusterSessions.Hosting.Jwt;

/// <summary>
/// The jwt pool's signing keys, made once per run folder (<c>jwt-keys.json</c>, owner-only) and handed to every jwt
/// node, so tokens verify on all of them and survive restarts of the cluster in the same folder.
/// </summary>
internal static class JwtKeyFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<JwtKeyDescriptor> LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var keys = JsonSerializer.Deserialize<List<JwtKeyDescriptor>>(File.ReadAllText(path), Json);
            if (keys is { Count: > 0 })
            {
                return keys;
            }
        }

        List<JwtKeyDescriptor> created = [JwtKeyDescriptor.Generate($"es256-{DateTime.UtcNow:yyyyMMddHHmmss}", JwtAlgorithms.ES256, DateTimeOffset.UtcNow)];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(created, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }
}
