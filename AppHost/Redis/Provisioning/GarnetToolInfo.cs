namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>The garnet-server local tool as the repository's tool manifest pins it.</summary>
/// <param name="ManifestPath">The <c>dotnet-tools.json</c> that lists garnet-server.</param>
/// <param name="RepositoryRoot">The directory <c>dotnet tool run</c> must run from (the manifest's owner).</param>
/// <param name="Version">The pinned version.</param>
/// <param name="ServerDllPath">GarnetServer.dll in the NuGet package cache; <see langword="null"/> until <c>dotnet tool restore</c> ran.</param>
internal sealed record GarnetToolInfo(string ManifestPath, string RepositoryRoot, string Version, string? ServerDllPath)
{
    public bool IsRestored => ServerDllPath is not null;
}
