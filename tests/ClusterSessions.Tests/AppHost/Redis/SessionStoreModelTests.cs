using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Redis;
using ClusterSessions.AppHost.Redis.Provisioning;

namespace ClusterSessions.Tests.AppHost.Redis;

/// <summary>
/// The store as Program.cs builds it (never started): a password from the run folder, handed to the server in an
/// owner-only config file rather than its arguments, to the nodes in the connection string as a secret parameter,
/// and to the AppHost's own connections through the model.
/// </summary>
public sealed class SessionStoreModelTests(AppHostModel host) : IClassFixture<AppHostModel>
{
    private string StoreDirectory => Path.Combine(host.RunDirectory, "redis");

    private string Password => File.ReadAllText(Path.Combine(StoreDirectory, RedisPasswordFile.FileName)).Trim();

    private RedisServerResource Store => Assert.IsType<RedisServerResource>(host.Resource("redis"));

    [Fact]
    public async Task Build_Default_TheServersArgumentsNameItsConfigFileNeverThePassword()
    {
        var arguments = (await host.ArgumentsAsync("redis")).Select(a => Assert.IsType<string>(a)).ToList();

        Assert.DoesNotContain(arguments, a => a.Contains(Password, StringComparison.Ordinal));
        var configFile = Assert.IsType<RedisServerConfigFile>(Store.Launch.ConfigFile);
        Assert.Contains(configFile.Path, arguments);
        Assert.Contains(Password, File.ReadAllText(configFile.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Default_ConnectionStringCarriesThePasswordAsASecretParameter()
    {
        var parameter = Assert.IsType<Aspire.Hosting.ApplicationModel.ParameterResource>(Store.PasswordParameter);

        Assert.True(parameter.Secret);
        Assert.Equal("redis-password", parameter.Name);
        Assert.Equal("127.0.0.1:{redis.bindings.tcp.port},password={redis-password.value}", Store.ConnectionStringExpression.ValueExpression);
    }

    [Fact]
    public void ClusterModel_Default_TheStoresConnectionStringAuthenticates()
    {
        var port = Store.Launch.Port;

        Assert.Equal($"127.0.0.1:{port},password={Password}", host.Cluster.Store!.ConnectionString);
        Assert.Equal(host.Cluster.Store.ConnectionString, Store.Launch.ConnectionString);
    }

    [Fact]
    public void Build_Default_RunFolderStoreFolderPasswordAndConfigOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixPermissions.OwnerOnlyDirectory, File.GetUnixFileMode(host.RunDirectory));
        Assert.Equal(UnixPermissions.OwnerOnlyDirectory, File.GetUnixFileMode(StoreDirectory));
        Assert.Equal(UnixPermissions.OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(StoreDirectory, RedisPasswordFile.FileName)));
        Assert.Equal(UnixPermissions.OwnerOnlyFile, File.GetUnixFileMode(Store.Launch.ConfigFile!.Path));
        Assert.Null(RunDirectory.FindProblem(host.RunDirectory));
    }
}
