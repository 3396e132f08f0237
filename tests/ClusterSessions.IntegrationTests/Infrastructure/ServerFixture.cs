using ClusterSessions.AppHost.Redis.Provisioning;
using StackExchange.Redis;
using Testcontainers.Redis;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>
/// One real Redis shared by the tests of a class. When the backend cannot run here and CI is not set, the tests
/// are skipped, so the fixture starts nothing; with CI=true it throws, which fails every test of the class.
/// Every fixture writes one diagnostic line saying which backend it used.
/// </summary>
public abstract class ServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The image the container backend runs; the 4.x builder wants it named (its default is obsolete).</summary>
    public const string RedisImage = "redis:7.4";

    private RedisServerInstance? _server;
    private RedisContainer? _container;
    private string? _connectionString;

    public abstract RedisBackend Backend { get; }

    /// <summary>What actually runs, e.g. "redis-server 7.0.15 process on port 40123 (no Docker engine answered, …)".</summary>
    public string Description { get; private set; } = "not started";

    /// <summary>The server process, for stop/start/kill/freeze. The Testcontainers container has none.</summary>
    internal RedisServerInstance Server => _server ?? throw new InvalidOperationException(_container is not null
        ? "The Testcontainers backend is not a process of ours; use RedisServerFixture or GarnetFixture to stop, restart or freeze a server."
        : $"{Backend} was not started: {ServerAvailability.GetProblem(Backend) ?? "unknown reason"}");

    /// <summary>StackExchange.Redis format, password included.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        $"{Backend} was not started: {ServerAvailability.GetProblem(Backend) ?? "unknown reason"}");

    protected virtual string? Password => null;

    /// <summary>A multiplexer with the test timeouts (see <see cref="ProvisioningConnection.Options"/>).</summary>
    public async Task<ConnectionMultiplexer> CreateMultiplexerAsync(Action<ConfigurationOptions>? configure = null)
    {
        var options = ProvisioningConnection.Options(ConnectionString);
        configure?.Invoke(options);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task InitializeAsync()
    {
        if (ServerAvailability.GetSkipReason(Backend) is { } reason)
        {
            Description = $"none ({reason}; its tests are skipped)";
        }
        else if (Backend != RedisBackend.Container)
        {
            _server = await RedisServerInstance.StartAsync(Backend.ToServerKind(), Password);
            _connectionString = _server.ConnectionString;
            Description = _server.Description;
        }
        else if (ServerAvailability.DockerAnswers)
        {
            _container = new RedisBuilder(RedisImage).Build();
            await _container.StartAsync();
            _connectionString = _container.GetConnectionString();
            Description = $"Testcontainers {_container.Image.FullName} container at {_connectionString}";
        }
        else
        {
            ServerAvailability.EnsureAvailable(Backend);
            var kind = ServerAvailability.FallbackKind()!.Value;
            _server = await RedisServerInstance.StartAsync(kind, Password);
            _connectionString = _server.ConnectionString;
            Description = $"{_server.Description} (no Docker engine answered, Testcontainers skipped)";
        }

        diagnostics.OnMessage(new DiagnosticMessage($"{GetType().Name}: redis backend: {Description}"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
