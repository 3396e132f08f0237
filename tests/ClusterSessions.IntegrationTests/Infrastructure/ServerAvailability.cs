using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Whether a server kind can be started here, and the visible reason when it cannot.</summary>
public static class ServerAvailability
{
    private static readonly Lazy<string?> RedisServerProblem = new(() =>
        RedisServerLocator.FindRedisServer() is null ? "redis-server not found on PATH" : null);

    private static readonly Lazy<string?> GarnetProblem = new(() => GarnetTool.Find() switch
    {
        null => "garnet-server not found: no .config/dotnet-tools.json listing it above the test directory",
        { IsRestored: false } tool => $"garnet-server {tool.Version} is not restored (run 'dotnet tool restore' in {tool.RepositoryRoot})",
        _ => null,
    });

    /// <summary>Why <paramref name="kind"/> cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? GetProblem(RedisServerKind kind) =>
        kind == RedisServerKind.RedisServer ? RedisServerProblem.Value : GarnetProblem.Value;

    /// <summary>The skip reason for a test needing <paramref name="kind"/>: none on CI, where the test must fail instead.</summary>
    public static string? GetSkipReason(RedisServerKind kind) => CiEnvironment.IsCi ? null : GetProblem(kind);

    /// <summary>Throws with the reason when the server cannot run (only reached on CI or when not skipped).</summary>
    public static void EnsureAvailable(RedisServerKind kind)
    {
        if (GetProblem(kind) is { } problem)
        {
            throw new InvalidOperationException(
                CiEnvironment.IsCi ? $"{problem} (CI=true: failing instead of skipping)" : problem);
        }
    }
}
