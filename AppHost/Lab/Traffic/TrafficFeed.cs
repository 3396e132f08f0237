using System.Text.Json;

namespace ClusterSessions.AppHost.Lab.Traffic;

/// <summary>
/// Relays the gateway's traffic ring buffer to the lab's browsers. Polls the gateway's admin port only while
/// someone reads (at most every <see cref="PollInterval"/>, shared by every reader), keeps its own copy so a
/// gateway restart does not blank the view, and numbers the records itself so readers never go backwards.
/// </summary>
internal sealed class TrafficFeed(
    Func<long, CancellationToken, Task<GatewayTrafficPage>>? source,
    TimeProvider timeProvider,
    int capacity = TrafficFeed.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(400);

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> NoCounts =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();

    private readonly SemaphoreSlim _poll = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Queue<GatewayTrafficRecord> _records = new();
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> _counts = NoCounts;
    private string? _error = source is null ? "this cluster has no gateway" : null;
    private long _sequence;
    private long _gatewayLast;
    private DateTimeOffset _lastPoll = DateTimeOffset.MinValue;

    /// <summary>The records after <paramref name="after"/> (at most the newest <paramref name="limit"/>), polling the gateway first if due.</summary>
    public async Task<TrafficUpdate> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await PollIfDueAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var newer = _records.Where(r => r.Sequence > after).ToList();
            var records = newer.Count > limit ? newer.GetRange(newer.Count - limit, limit) : newer;
            return new TrafficUpdate(records, _sequence, _counts, _error);
        }
    }

    private async Task PollIfDueAsync(CancellationToken cancellationToken)
    {
        if (source is null)
        {
            return;
        }

        await _poll.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another reader may have polled while this one waited: the interval is shared.
            if (timeProvider.GetUtcNow() - _lastPoll < PollInterval)
            {
                return;
            }

            _lastPoll = timeProvider.GetUtcNow();
            await PollAsync(source, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _poll.Release();
        }
    }

    private async Task PollAsync(Func<long, CancellationToken, Task<GatewayTrafficPage>> read, CancellationToken cancellationToken)
    {
        try
        {
            var cursor = _gatewayLast;
            var page = await read(cursor, cancellationToken).ConfigureAwait(false);
            if (page.Last < cursor)
            {
                // The gateway restarted and counts from 1 again: everything it has is new to us.
                cursor = 0;
                page = await read(cursor, cancellationToken).ConfigureAwait(false);
            }

            lock (_lock)
            {
                foreach (var record in page.Records.Where(r => r.Sequence > cursor))
                {
                    _records.Enqueue(record with { Sequence = ++_sequence });
                    if (_records.Count > capacity)
                    {
                        _records.Dequeue();
                    }
                }

                _gatewayLast = page.Last;
                _counts = page.Counts;
                _error = null;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidOperationException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            lock (_lock)
            {
                _error = $"the gateway's traffic feed is not answering ({exception.Message})";
            }
        }
    }
}
