using ClusterSessions.AppHost.Cluster;

namespace ClusterSessions.Tests.AppHost.Cluster;

/// <summary>The run folder made owner-only, and a start refused (one line) when something in it is open to others.</summary>
public sealed class RunDirectoryTests : IDisposable
{
    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0755 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("cluster-sessions-rundir-").FullName;

    [Fact]
    public void TryPrepare_FolderDoesNotExist_CreatedWithMissingParentsAs0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_root, "a", "run");

        var problem = RunDirectory.TryPrepare(path, out var prepared);

        Assert.Null(problem);
        Assert.Equal(path, prepared);
        Assert.Equal(UnixPermissions.OwnerOnlyDirectory, File.GetUnixFileMode(path));
        Assert.Equal(UnixPermissions.OwnerOnlyDirectory, File.GetUnixFileMode(Path.Combine(_root, "a")));
    }

    [Fact]
    public void TryPrepare_RelativePath_MadeAbsolute()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_root, "run"));

        Assert.Null(RunDirectory.TryPrepare(relative, out var prepared));

        Assert.Equal(Path.Combine(_root, "run"), prepared);
    }

    [Fact]
    public void TryPrepare_ExistingFolder0755WithOwnerOnlyContents_MadeOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Directory.CreateDirectory(Path.Combine(_root, "run")).FullName;
        File.SetUnixFileMode(path, Mode0755);
        var key = Path.Combine(path, "jwt-keys.json");
        UnixPermissions.WriteOwnerOnlyFile(key, "[]");

        Assert.Null(RunDirectory.TryPrepare(path, out _));

        Assert.Equal(UnixPermissions.OwnerOnlyDirectory, File.GetUnixFileMode(path));
        Assert.Equal(UnixPermissions.OwnerOnlyFile, File.GetUnixFileMode(key));
    }

    [Fact]
    public void TryPrepare_AofFileReadableByOthers_FailsWithOneLineNamingTheFileItsModeAndTheFix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = OwnerOnlyFolder("run");
        var aofDirectory = UnixPermissions.CreateOwnerOnlyDirectory(Path.Combine(path, "redis", "appendonlydir")).FullName;
        var aof = Path.Combine(aofDirectory, "appendonly.aof.1.incr.aof");
        File.WriteAllText(aof, "*1\r\n$4\r\nPING\r\n");
        File.SetUnixFileMode(aof, Mode0644);

        var problem = RunDirectory.TryPrepare(path, out _);

        Assert.Equal($"Cluster:RunDirectory: {aof} is readable by others (mode 0644); run chmod -R go-rwx {path} or delete it", problem);
        Assert.Equal(Mode0644, File.GetUnixFileMode(aof));
    }

    [Fact]
    public void FindProblem_SubfolderOpenToOthers_NamesTheFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = OwnerOnlyFolder("run");
        var redis = Directory.CreateDirectory(Path.Combine(path, "redis")).FullName;
        File.SetUnixFileMode(redis, Mode0755);

        Assert.Equal(
            $"Cluster:RunDirectory: {redis} is readable by others (mode 0755); run chmod -R go-rwx {path} or delete it",
            RunDirectory.FindProblem(path));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupWrite, "writable", "0620")]
    [InlineData(UnixFileMode.OtherExecute, "accessible", "0601")]
    [InlineData(UnixFileMode.GroupRead, "readable", "0640")]
    public void FindProblem_AnyGroupOrOtherBit_Refused(UnixFileMode extra, string access, string octal)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = OwnerOnlyFolder("run");
        var file = Path.Combine(path, "password");
        UnixPermissions.WriteOwnerOnlyFile(file, "x");
        File.SetUnixFileMode(file, UnixPermissions.OwnerOnlyFile | extra);

        Assert.Equal(
            $"Cluster:RunDirectory: {file} is {access} by others (mode {octal}); run chmod -R go-rwx {path} or delete it",
            RunDirectory.FindProblem(path));
    }

    [Fact]
    public void FindProblem_EverythingOwnerOnly_Null()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = OwnerOnlyFolder("run");
        UnixPermissions.WriteOwnerOnlyFile(Path.Combine(path, "jwt-keys.json"), "[]");
        var redis = UnixPermissions.CreateOwnerOnlyDirectory(Path.Combine(path, "redis")).FullName;
        UnixPermissions.WriteOwnerOnlyFile(Path.Combine(redis, "password"), "x");

        Assert.Null(RunDirectory.FindProblem(path));
    }

    [Fact]
    public void FindProblem_SymbolicLink_Skipped()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = OwnerOnlyFolder("run");
        var target = Path.Combine(path, "target");
        UnixPermissions.WriteOwnerOnlyFile(target, "x");
        File.CreateSymbolicLink(Path.Combine(path, "link"), target);

        Assert.Null(RunDirectory.FindProblem(path));
    }

    [Fact]
    public void TryPrepare_FolderEveryoneCanWriteTo_RefusedAndLeftAsItWas()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Directory.CreateDirectory(Path.Combine(_root, "shared")).FullName;
        var shared = Mode0755 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.StickyBit;
        File.SetUnixFileMode(path, shared);

        var problem = RunDirectory.TryPrepare(path, out _);

        Assert.Equal($"Cluster:RunDirectory: {path} is a folder others can write to (mode 1777); give the run a folder of its own", problem);
        Assert.Equal(shared, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Octal_Modes_AsChmodWritesThem()
    {
        Assert.Equal("0600", UnixPermissions.Octal(UnixPermissions.OwnerOnlyFile));
        Assert.Equal("0700", UnixPermissions.Octal(UnixPermissions.OwnerOnlyDirectory));
        Assert.Equal("0644", UnixPermissions.Octal(Mode0644));
    }

    [Fact]
    public void WriteOwnerOnlyFile_OverAnExisting0644File_Leaves0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = Path.Combine(_root, "secret");
        File.WriteAllText(file, "old");
        File.SetUnixFileMode(file, Mode0644);

        UnixPermissions.WriteOwnerOnlyFile(file, "new");

        Assert.Equal("new", File.ReadAllText(file));
        Assert.Equal(UnixPermissions.OwnerOnlyFile, File.GetUnixFileMode(file));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string OwnerOnlyFolder(string name) => UnixPermissions.CreateOwnerOnlyDirectory(Path.Combine(_root, name)).FullName;
}
