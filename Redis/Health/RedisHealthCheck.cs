using System.Globalization;
using ClusterSessions.Redis.Commands;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClusterSessions.Redis.Health;

/// <summary>
/// PINGs the server with a short timeout of its own, so /health answers quickly even when the command timeout
/// is longer; while the client is disconnected the PING fails at once.
/// </summary>
public sealed class RedisHealthCheck : IHealthCheck
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    private readonly IRedisClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;

    public RedisHealthCheck(IRedisClient client, TimeProvider? timeProvider = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (timeout is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(timeout));
        }

        _client = client;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _timeout = timeout ?? DefaultTimeout;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Dictionary<string, object>
        {
            ["endpoint"] = _client.EndPoint,
            ["state"] = _client.State.ToString(),
        };
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = _timeProvider.GetTimestamp();
        try
        {
            await _client.PingAsync(linked.Token).ConfigureAwait(false);
            var latency = _timeProvider.GetElapsedTime(started);
            data["latencyMs"] = Math.Round(latency.TotalMilliseconds, 2);
            return HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"Redis at {_client.EndPoint} answered PING in {latency.TotalMilliseconds:0.#} ms."), data);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"Redis at {_client.EndPoint} did not answer PING within {(long)_timeout.TotalMilliseconds} ms.", data: data);
        }
        catch (RedisException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis at {_client.EndPoint} is unavailable: {ex.Message}", ex, data);
        }
    }
}
