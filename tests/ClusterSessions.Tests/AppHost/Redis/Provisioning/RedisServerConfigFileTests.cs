using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

public sealed class RedisServerConfigFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cluster-sessions-conf-").FullName;

    [Fact]
    public void Write_OverAnExistingFileOpenToOthers_ContentsAndOwnerOnlyMode()
    {
        var path = Path.Combine(_directory, "redis.conf");
        File.WriteAllText(path, "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixPermissions.OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        new RedisServerConfigFile(path, "requirepass \"pw\"\n").Write();

        Assert.Equal("requirepass \"pw\"\n", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixPermissions.OwnerOnlyFile, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Write_FolderMissing_CreatedOwnerOnly()
    {
        var path = Path.Combine(_directory, "redis", "garnet.conf");

        new RedisServerConfigFile(path, "{}").Write();

        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixPermissions.OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void ToString_ContentsHidden() =>
        Assert.DoesNotContain("hunter2", new RedisServerConfigFile("/run/redis/redis.conf", "requirepass hunter2").ToString(), StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
