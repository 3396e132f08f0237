using System.Reflection;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>Where the built WebNode and Gateway live (recorded at build time; Aspire runs them from there as executables).</summary>
internal static class ProjectOutputs
{
    public static string RepositoryRoot => Metadata("ClusterSessions.RepositoryRoot");

    public static string WebNodeAssembly => RequireBuilt(Metadata("ClusterSessions.WebNodeAssembly"), "WebNode");

    public static string GatewayAssembly => RequireBuilt(Metadata("ClusterSessions.GatewayAssembly"), "Gateway");

    private static string Metadata(string key) =>
        typeof(ProjectOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!;

    private static string RequireBuilt(string path, string project) =>
        File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{project} is not built ({path} is missing): run 'dotnet build' first.", path);
}
