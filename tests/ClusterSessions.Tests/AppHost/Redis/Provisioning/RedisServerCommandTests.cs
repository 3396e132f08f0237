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
            ExecutablePath = "/usr/bin/redis-server",
        });

        Assert.Equal("/usr/bin/redis-server", launch.FileName);
        Assert.Equal(
            ["--port", "6390", "--bind", "127.0.0.1", "--dir", "/tmp/redis-data", "--appendonly", "yes", "--appendfsync", "everysec",
             "--save", string.Empty, "--daemonize", "no"],
            launch.Arguments);
        Assert.Equal("/tmp/redis-data", launch.WorkingDirectory);
        Assert.Equal("127.0.0.1:6390", launch.ConnectionString);
        Assert.Null(launch.ConfigFile);
        Assert.Equal("Ready to accept connections", launch.ReadyMarker);
        Assert.Contains("--save \"\"", launch.DisplayCommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RedisServerWithPassword_PasswordInARedisConfNamedFirstNeverAnArgument()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6390,
            DataDirectory = "/tmp/redis-data",
            Password = "pw",
            ExecutablePath = "/usr/bin/redis-server",
        });

        Assert.Equal(
            ["/tmp/redis-data/redis.conf", "--port", "6390", "--bind", "127.0.0.1", "--dir", "/tmp/redis-data", "--appendonly", "yes",
             "--appendfsync", "everysec", "--save", string.Empty, "--daemonize", "no"],
            launch.Arguments);
        Assert.Equal(new RedisServerConfigFile("/tmp/redis-data/redis.conf", "requirepass \"pw\"\n"), launch.ConfigFile);
        Assert.Equal("127.0.0.1:6390,password=pw", launch.ConnectionString);
        Assert.DoesNotContain("pw", launch.Arguments);
    }

    [Fact]
    public void Create_RedisServerPasswordWithQuoteAndBackslash_EscapedForRedisConf()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6390,
            DataDirectory = "/tmp/redis-data",
            Password = "a\"b\\c d",
            ExecutablePath = "/usr/bin/redis-server",
        });

        Assert.Equal("requirepass \"a\\\"b\\\\c d\"\n", launch.ConfigFile!.Contents);
    }

    [Fact]
    public void Create_PasswordWithANewline_Throws()
    {
        Assert.Throws<ArgumentException>(() => RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6390,
            DataDirectory = "/tmp/redis-data",
            Password = "pw\nrename-command FLUSHALL \"\"",
            ExecutablePath = "/usr/bin/redis-server",
        }));
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
             "--config-import-path", "/tmp/garnet-data/garnet.conf"],
            launch.Arguments);
        Assert.Equal("/tmp/garnet-data", launch.WorkingDirectory);
        Assert.Equal("127.0.0.1:6391,password=pw", launch.ConnectionString);
    }

    [Fact]
    public void Create_GarnetWithPassword_PasswordAuthInAJsonConfigFile()
    {
        var launch = RedisServerCommand.Create(new RedisServerSpec
        {
            Kind = RedisServerKind.Garnet,
            Port = 6391,
            DataDirectory = "/tmp/garnet-data",
            Password = "p\"w",
            ExecutablePath = "/packages/garnet-server/2.2.5/tools/net10.0/any/GarnetServer.dll",
        });

        Assert.Equal("/tmp/garnet-data/garnet.conf", launch.ConfigFile!.Path);
        using var config = System.Text.Json.JsonDocument.Parse(launch.ConfigFile.Contents);
        Assert.Equal("Password", config.RootElement.GetProperty("AuthenticationMode").GetString());
        Assert.Equal("p\"w", config.RootElement.GetProperty("Password").GetString());
        Assert.DoesNotContain(launch.Arguments, a => a.Contains("p\"w", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_LaunchSpecAndConfigFile_NeverPrintThePassword()
    {
        var spec = new RedisServerSpec
        {
            Kind = RedisServerKind.RedisServer,
            Port = 6390,
            DataDirectory = "/tmp/redis-data",
            Password = "hunter2-secret",
            ExecutablePath = "/usr/bin/redis-server",
        };
        var launch = RedisServerCommand.Create(spec);

        Assert.All(
            [spec.ToString(), launch.ToString(), launch.ConfigFile!.ToString(), launch.DisplayConnectionString],
            text => Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal));
        Assert.Contains("127.0.0.1:6390", launch.ToString(), StringComparison.Ordinal);
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
