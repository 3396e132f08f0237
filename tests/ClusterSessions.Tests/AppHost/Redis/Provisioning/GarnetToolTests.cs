using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

// Changes NUGET_PACKAGES for the process: keep these tests off the parallel runner's other threads.
[Collection(nameof(EnvironmentCollection))]
public sealed class GarnetToolTests
{
    [Fact]
    public void Find_ManifestAboveStartDirectory_ResolvesVersionRootAndDll()
    {
        using var layout = new FakeToolLayout();

        var tool = GarnetTool.Find(Path.Combine(layout.Root, "repo", "src", "deep"));

        Assert.NotNull(tool);
        Assert.Equal("9.9.9", tool.Version);
        Assert.Equal(Path.Combine(layout.Root, "repo"), tool.RepositoryRoot);
        Assert.Equal(layout.ServerDll, tool.ServerDllPath);
        Assert.True(tool.IsRestored);
    }

    [Fact]
    public void Find_ToolNotRestored_ReportsItAndFallsBackToToolRun()
    {
        using var layout = new FakeToolLayout(restored: false);
        var start = Path.Combine(layout.Root, "repo", "src");

        var tool = GarnetTool.Find(start);
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.Garnet,
            Port = 7000,
            DataDirectory = Path.Combine(layout.Root, "data"),
            ToolManifestSearchDirectory = start,
        });

        Assert.NotNull(tool);
        Assert.False(tool.IsRestored);
        Assert.Equal(["tool", "run", "garnet-server", "--", "--port", "7000"], launch.Arguments.Take(6));
        Assert.Equal(Path.Combine(layout.Root, "repo"), launch.WorkingDirectory);
    }

    [Fact]
    public void Find_NoManifest_ReturnsNull()
    {
        var empty = Directory.CreateTempSubdirectory("cs-redis-empty-");
        try
        {
            Assert.Null(GarnetTool.Find(empty.FullName));
        }
        finally
        {
            empty.Delete();
        }
    }
}
