using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.IntegrationTests.Infrastructure;

/// <summary>
/// One server shared by the tests of a class. When the server cannot run here and CI is not set, the tests are
/// skipped, so the fixture starts nothing; with CI=true it throws, which fails every test of the class.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private RedisServerInstance? _server;

    public abstract RedisServerKind Kind { get; }

    public RedisServerInstance Server => _server ?? throw new InvalidOperationException(
        $"{Kind} was not started: {ServerAvailability.GetProblem(Kind) ?? "unknown reason"}");

    protected virtual string? Password => null;

    public async Task InitializeAsync()
    {
        if (ServerAvailability.GetSkipReason(Kind) is not null)
        {
            return;
        }

        _server = await RedisServerInstance.StartAsync(Kind, Password);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
