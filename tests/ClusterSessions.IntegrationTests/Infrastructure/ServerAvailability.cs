using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Redis.Provisioning;
using DotNet.Testcontainers.Configurations;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>Whether a backend can be started here, and the visible reason when it cannot.</summary>
internal static class ServerAvailability
{
    private static readonly Lazy<string?> RedisServerProblem = new(() =>
        RedisServerLocator.FindRedisServer() is null ? "redis-server not found on PATH" : null);

    // From the repository root, as the AppHost looks: the test output may live outside the repository (--artifacts-path).
    private static readonly Lazy<string?> GarnetProblem = new(() => GarnetTool.Find(ProjectOutputs.RepositoryRoot) switch
    {
        null => $"garnet-server not found: no .config/dotnet-tools.json listing it in or above {ProjectOutputs.RepositoryRoot}",
        { IsRestored: false } tool => $"garnet-server {tool.Version} is not restored (run 'dotnet tool restore' in {tool.RepositoryRoot})",
        _ => null,
    });

    // Answers in about 20 ms when there is no engine; asked only when the container backend is wanted.
    private static readonly Lazy<bool> DockerEngine = new(() =>
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or TypeInitializationException)
        {
            return false;
        }
    });

    public static bool DockerAnswers => DockerEngine.Value;

    /// <summary>Why <paramref name="backend"/> cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? GetProblem(RedisBackend backend) => backend switch
    {
        RedisBackend.RedisServer => RedisServerProblem.Value,
        RedisBackend.Garnet => GarnetProblem.Value,
        // Docker is optional: without it the container backend falls back to a process.
        _ => FallbackKind() is not null || DockerAnswers
            ? null
            : $"no Docker engine answered, {RedisServerProblem.Value} and {GarnetProblem.Value}",
    };

    /// <summary>The skip reason for a test needing <paramref name="backend"/>: none on CI, where the test must fail instead.</summary>
    public static string? GetSkipReason(RedisBackend backend) => CiEnvironment.IsCi ? null : GetProblem(backend);

    /// <summary>Throws with the reason when the backend cannot run (only reached on CI or when not skipped).</summary>
    public static void EnsureAvailable(RedisBackend backend)
    {
        if (GetProblem(backend) is { } problem)
        {
            throw new InvalidOperationException(
                CiEnvironment.IsCi ? $"{problem} (CI=true: failing instead of skipping)" : problem);
        }
    }

    /// <summary>The process the container backend uses without Docker: redis-server if present, else Garnet.</summary>
    public static RedisServerKind? FallbackKind() =>
        RedisServerProblem.Value is null ? RedisServerKind.RedisServer
        : GarnetProblem.Value is null ? RedisServerKind.Garnet
        : null;

    public static RedisServerKind ToServerKind(this RedisBackend backend) => backend switch
    {
        RedisBackend.RedisServer => RedisServerKind.RedisServer,
        RedisBackend.Garnet => RedisServerKind.Garnet,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "The container backend is not a process of ours."),
    };
}
