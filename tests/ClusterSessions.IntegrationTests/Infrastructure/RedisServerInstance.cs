using ClusterSessions.Redis;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>
/// A real server on a free port with its own data directory, started through the library's provisioning
/// helpers; it can be stopped and started again on the same port and directory (to test reconnect and AOF).
/// </summary>
public sealed class RedisServerInstance : IAsyncDisposable
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

    public bool IsRunning => _process is { HasExited: false };

    public int ProcessId => _process?.ProcessId ?? throw new InvalidOperationException($"{Kind} is not running.");

    public static async Task<RedisServerInstance> StartAsync(RedisServerKind kind, string? password = null)
    {
        ServerAvailability.EnsureAvailable(kind);
        var instance = new RedisServerInstance(new RedisServerSpec
        {
            Kind = kind,
            Port = FreePort.Get(),
            DataDirectory = Directory.CreateTempSubdirectory($"cs-it-{kind}-").FullName,
            Password = password,
        });
        await instance.StartAsync();
        return instance;
    }

    public RedisConnectionOptions CreateOptions(bool withPassword = true)
    {
        var options = RedisConnectionOptions.Parse(Launch.ConnectionString);
        // The production defaults (2 s / 1 s) are for users; on a CI machine running several test hosts at once a
        // reply can take longer than that without anything being wrong. Tests of the timeouts set their own.
        options.ConnectTimeout = TimeSpan.FromSeconds(10);
        options.CommandTimeout = TimeSpan.FromSeconds(10);
        if (!withPassword)
        {
            options.Password = null;
        }

        return options;
    }

    public RedisClient CreateClient(Action<RedisConnectionOptions>? configure = null)
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        return new RedisClient(options);
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
            await RedisServerWarmUp.RunAsync(Launch.ConnectionString);
        }
    }

    /// <summary>A graceful stop (SIGTERM), as an operator or orchestrator would do.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync();
            await process.DisposeAsync();
            _process = null;
        }
    }

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
}
