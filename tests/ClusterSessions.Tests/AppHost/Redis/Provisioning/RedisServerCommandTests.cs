using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

// One test changes NUGET_PACKAGES for the process.
[Collection(nameof(EnvironmentCollection))]
public sealed class RedisServerCommandTests
{
    [Fact]
    public void Create_RedisServer_ForegroundWithAppendOnlyFileInDataDirectory()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6390,
            DataDirectory = "/tmp/redis-data",
            Password = "pw",
            ExecutablePath = "/usr/bin/redis-server",
        });

        Assert.Equal("/usr/bin/redis-server", launch.FileName);
        Assert.Equal(
            ["--port", "6390", "--bind", "127.0.0.1", "--dir", "/tmp/redis-data", "--appendonly", "yes", "--appendfsync", "everysec",
             "--save", string.Empty, "--daemonize", "no", "--requirepass", "pw"],
            launch.Arguments);
        Assert.Equal("/tmp/redis-data", launch.WorkingDirectory);
        Assert.Equal("127.0.0.1:6390,password=pw", launch.ConnectionString);
        Assert.Equal("Ready to accept connections", launch.ReadyMarker);
        Assert.Contains("--requirepass *****", launch.DisplayCommandLine, StringComparison.Ordinal);
        Assert.Contains("--save \"\"", launch.DisplayCommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GarnetWithServerDll_RunsTheDllDirectlyWithAofAndRecovery()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.Garnet,
            Port = 6391,
            DataDirectory = "/tmp/garnet-data",
            Password = "pw",
            ExecutablePath = "/packages/garnet-server/2.2.5/tools/net10.0/any/GarnetServer.dll",
        });

        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(launch.FileName));
        Assert.Equal(
            ["/packages/garnet-server/2.2.5/tools/net10.0/any/GarnetServer.dll", "--port", "6391", "--bind", "127.0.0.1",
             "--checkpointdir", "/tmp/garnet-data", "--aof", "--recover", "--device-type", "RandomAccess", "--index", "16m",
             "--auth", "Password", "--password", "pw"],
            launch.Arguments);
        Assert.Equal("/tmp/garnet-data", launch.WorkingDirectory);
        Assert.Contains("--password *****", launch.DisplayCommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("pw ", launch.DisplayCommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GarnetFromToolManifest_ResolvesTheDllInThePackageCache()
    {
        using var layout = new FakeToolLayout();

        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.Garnet,
            Port = 6392,
            DataDirectory = Path.Combine(layout.Root, "data"),
            ToolManifestSearchDirectory = Path.Combine(layout.Root, "repo", "src", "deep"),
        });

        Assert.Equal(layout.ServerDll, launch.Arguments[0]);
    }

    [Fact]
    public void Create_RelativeDataDirectory_IsMadeAbsolute()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6393,
            DataDirectory = "relative/data",
            ExecutablePath = "/usr/bin/redis-server",
        });

        Assert.True(Path.IsPathRooted(launch.WorkingDirectory));
    }

    [Fact]
    public void ToProcessStartInfo_KeepsEmptyArgumentAndRedirectsOutput()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6394,
            DataDirectory = "/tmp/d",
            ExecutablePath = "/usr/bin/redis-server",
        });

        var startInfo = launch.ToProcessStartInfo();

        Assert.Contains(string.Empty, startInfo.ArgumentList);
        Assert.True(startInfo.RedirectStandardOutput);
        Assert.False(startInfo.UseShellExecute);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Create_BadPort_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = port,
            DataDirectory = "/tmp/d",
            ExecutablePath = "/usr/bin/redis-server",
        }));
    }
}
