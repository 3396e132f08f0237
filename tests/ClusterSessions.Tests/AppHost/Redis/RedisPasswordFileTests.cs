using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Redis;

namespace ClusterSessions.Tests.AppHost.Redis;

public sealed class RedisPasswordFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cluster-sessions-redis-").FullName;

    private string PasswordPath => Path.Combine(_directory, RedisPasswordFile.FileName);

    [Fact]
    public void LoadOrCreate_NoFile_256RandomBitsAsHexInAnOwnerOnlyFile()
    {
        var password = RedisPasswordFile.LoadOrCreate(_directory);

        Assert.Matches("^[0-9a-f]{64}$", password);
        Assert.Equal(password, File.ReadAllText(PasswordPath).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixPermissions.OwnerOnlyFile, File.GetUnixFileMode(PasswordPath));
        }
    }

    [Fact]
    public void LoadOrCreate_SecondRunInTheSameFolder_SamePassword()
    {
        var first = RedisPasswordFile.LoadOrCreate(_directory);

        Assert.Equal(first, RedisPasswordFile.LoadOrCreate(_directory));
    }

    [Fact]
    public void LoadOrCreate_TwoFolders_DifferentPasswords() =>
        Assert.NotEqual(RedisPasswordFile.LoadOrCreate(_directory), RedisPasswordFile.LoadOrCreate(Directory.CreateDirectory(Path.Combine(_directory, "other")).FullName));

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("has,comma")]
    public void LoadOrCreate_EmptyOrUnusableFile_ReplacedByANewOne(string contents)
    {
        File.WriteAllText(PasswordPath, contents);

        var password = RedisPasswordFile.LoadOrCreate(_directory);

        Assert.Matches("^[0-9a-f]{64}$", password);
        Assert.Equal(password, File.ReadAllText(PasswordPath).Trim());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
