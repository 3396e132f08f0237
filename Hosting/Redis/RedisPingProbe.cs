using ClusterSessions.Hosting.ApplicationModel;
using StackExchange.Redis;

namespace ClusterSessions.Hosting.Redis;

/// <summary>
/// Healthy when the server answers PING. One multiplexer, reconnecting on its own, for the life of the cluster;
/// connected on the first probe, because the server is not started yet when the probe is made.
/// </summary>
internal sealed class RedisPingProbe : IHealthProbe, IAsyncDisposable
{
    private static readonly int QuickTimeout = (int)TimeSpan.FromSeconds(1).TotalMilliseconds;

    private readonly ConfigurationOptions _options;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private bool _disposed;

    public RedisPingProbe(string connectionString)
    {
        _options = ConfigurationOptions.Parse(connectionString);
        _options.ConnectTimeout = QuickTimeout;
        _options.SyncTimeout = QuickTimeout;
        _options.AsyncTimeout = QuickTimeout;
        // Keep retrying in the background while the server is down or restarting instead of failing the connect.
        _options.AbortOnConnectFail = false;
        // A PING while disconnected fails at once ("no connection is available") rather than waiting in the backlog.
        _options.BacklogPolicy = BacklogPolicy.FailFast;
    }

    public async Task<(HealthStatus Status, string? Description)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return (HealthStatus.Healthy, null);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            return (HealthStatus.Unhealthy, exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (HealthStatus.Unhealthy, "PING timed out");
        }
        catch (ObjectDisposedException)
        {
            // A probe still in flight while the cluster shuts down.
            return (HealthStatus.Unhealthy, "the cluster is stopping");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connectGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } connection)
        {
            return connection;
        }

        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Without AbortOnConnectFail this returns after one attempt (at most the 1 s connect timeout), connected or not.
            return _connection ??= await ConnectionMultiplexer.ConnectAsync(_options).ConfigureAwait(false);
        }
        finally
        {
            _connectGate.Release();
        }
    }
}
