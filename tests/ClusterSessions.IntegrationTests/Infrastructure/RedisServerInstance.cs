using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Redis.Provisioning;
using ClusterSessions.IntegrationTests.Infrastructure.Processes;
using StackExchange.Redis;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>
/// A real server process on a free port with its own data directory: the AppHost's command line
/// (<see cref="RedisServerCommand"/>) run by the tests' <see cref="RedisServerProcess"/>. It can be stopped, killed,
/// frozen and started again on the same port and directory (to test reconnects and AOF).
/// </summary>
internal sealed class RedisServerInstance : IAsyncDisposable
{
    private readonly RedisServerSpec _spec;
    private RedisServerProcess? _process;

    private RedisServerInstance(RedisServerSpec spec)
    {
        _spec = spec;
        Launch = RedisServerCommand.Create(spec);
    }

    public RedisServerKind Kind => _spec.Kind;

    public int Port => _spec.Port;

    public string? Password => _spec.Password;

    public RedisServerLaunch Launch { get; }

    /// <summary>StackExchange.Redis format: <c>127.0.0.1:PORT[,password=P]</c>.</summary>
    public string ConnectionString => Launch.ConnectionString;

    /// <summary>What runs, for the log line every fixture writes: e.g. "redis-server 7.0.15 process on port 40123".</summary>
    public string Description { get; private set; } = "";

    public bool IsRunning => _process is { HasExited: false };

    public int ProcessId => _process?.ProcessId ?? throw new InvalidOperationException($"{Kind} is not running.");

    public static async Task<RedisServerInstance> StartAsync(RedisServerKind kind, string? password = null)
    {
        ServerAvailability.EnsureAvailable(kind == RedisServerKind.Garnet ? RedisBackend.Garnet : RedisBackend.RedisServer);
        var instance = new RedisServerInstance(new RedisServerSpec
        {
            Kind = kind,
            Port = FreePort.Get(),
            DataDirectory = Directory.CreateTempSubdirectory($"cs-it-{kind}-").FullName,
            Password = password,
            ToolManifestSearchDirectory = ProjectOutputs.RepositoryRoot,
        });
        await instance.StartAsync();
        instance.Description = await instance.DescribeAsync();
        return instance;
    }

    /// <summary>Test-client options (10 s timeouts, keeps reconnecting); without the password to test auth.</summary>
    public ConfigurationOptions CreateOptions(bool withPassword = true)
    {
        var options = ProvisioningConnection.Options(ConnectionString);
        if (!withPassword)
        {
            options.Password = null;
        }

        return options;
    }

    /// <summary>A multiplexer for the test (10 s timeouts); <paramref name="configure"/> can change any option.</summary>
    public async Task<ConnectionMultiplexer> CreateMultiplexerAsync(Action<ConfigurationOptions>? configure = null)
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Starts the server (if it is not running) and, unless told otherwise, warms it up (see <see cref="RedisServerWarmUp"/>).</summary>
    public async Task StartAsync(bool warmUp = true)
    {
        if (IsRunning)
        {
            return;
        }

        _process = await RedisServerProcess.StartAsync(Launch, TimeSpan.FromSeconds(30));
        if (warmUp)
        {
            await RedisServerWarmUp.RunAsync(ConnectionString);
        }
    }

    /// <summary>A graceful stop (COMMITAOF for Garnet, then SIGTERM), as an operator or orchestrator would do.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync();
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>SIGKILL, as in a crash; writes of the last moments may be missing after a restart.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            process.Kill();
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>SIGSTOP: the server keeps its sockets open but answers nothing until <see cref="Thaw"/>.</summary>
    public void Freeze() => ProcessSignals.Freeze(ProcessId);

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => ProcessSignals.Thaw(ProcessId);

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_spec.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned up eventually.
        }
    }

    // INFO server names the version: redis_version on both, garnet_version on Garnet.
    private async Task<string> DescribeAsync()
    {
        // INFO is an admin command to StackExchange.Redis.
        await using var connection = await CreateMultiplexerAsync(options => options.AllowAdmin = true);
        var info = (string?)await connection.GetDatabase().ExecuteAsync("INFO", "server") ?? "";
        string? Field(string name) => info.Split('\n')
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..];
        var name = Kind == RedisServerKind.Garnet ? "Garnet" : "redis-server";
        var version = Kind == RedisServerKind.Garnet ? Field("garnet_version") ?? Field("redis_version") : Field("redis_version");
        return $"{name} {version ?? "(version unknown)"} process on port {Port}";
    }
}
