namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

/// <summary>A repository with a tool manifest and a NuGet package cache holding garnet-server, in a temp folder.</summary>
internal sealed class FakeToolLayout : IDisposable
{
    private readonly string? _previousPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");

    public FakeToolLayout(bool restored = true)
    {
        Root = Directory.CreateTempSubdirectory("cs-redis-tool-").FullName;
        var repository = Path.Combine(Root, "repo");
        Directory.CreateDirectory(Path.Combine(repository, ".config"));
        Directory.CreateDirectory(Path.Combine(repository, "src", "deep"));
        File.WriteAllText(
            Path.Combine(repository, ".config", "dotnet-tools.json"),
            """{ "version": 1, "isRoot": true, "tools": { "garnet-server": { "version": "9.9.9", "commands": ["garnet-server"] } } }""");

        var packages = Path.Combine(Root, "packages");
        var tool = Path.Combine(packages, "garnet-server", "9.9.9", "tools", "net8.0", "any");
        ServerDll = Path.Combine(tool, "GarnetServer.dll");
        if (restored)
        {
            Directory.CreateDirectory(tool);
            File.WriteAllText(
                Path.Combine(tool, "DotnetToolSettings.xml"),
                """<DotNetCliTool Version="1"><Commands><Command Name="garnet-server" EntryPoint="GarnetServer.dll" Runner="dotnet" /></Commands></DotNetCliTool>""");
            File.WriteAllText(ServerDll, string.Empty);
        }

        Environment.SetEnvironmentVariable("NUGET_PACKAGES", packages);
    }

    public string Root { get; }

    public string ServerDll { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", _previousPackages);
        Directory.Delete(Root, recursive: true);
    }
}
