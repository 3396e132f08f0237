using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

public sealed class RedisServerLocatorTests
{
    [Fact]
    public void FindOnPath_ExecutableInSecondDirectory_ReturnsIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Directory.CreateTempSubdirectory("cs-redis-path-");
        try
        {
            var first = Directory.CreateDirectory(Path.Combine(root.FullName, "a")).FullName;
            var second = Directory.CreateDirectory(Path.Combine(root.FullName, "b")).FullName;
            File.WriteAllText(Path.Combine(first, "redis-server"), "not executable");
            var executable = Path.Combine(second, "redis-server");
            File.WriteAllText(executable, "#!/bin/sh");
            File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserExecute);

            var found = RedisServerLocator.FindOnPath("redis-server", string.Join(Path.PathSeparator, first, second));

            Assert.Equal(executable, found);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void FindOnPath_Missing_ReturnsNull()
    {
        Assert.Null(RedisServerLocator.FindOnPath("surely-not-a-real-program", "/nonexistent"));
    }

    [Fact]
    public void FindDotnet_ReturnsAnExistingHost()
    {
        Assert.True(File.Exists(RedisServerLocator.FindDotnet()));
    }
}
