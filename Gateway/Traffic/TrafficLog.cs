using System.Runtime.InteropServices;

namespace ClusterSessions.Gateway.Traffic;

/// <summary>
/// The last <see cref="Capacity"/> proxied requests, in memory, plus per-node counters. Cheap enough for every
/// request: one short lock, no allocation beyond the record itself.
/// </summary>
internal sealed class TrafficLog(int capacity = TrafficLog.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    /// <summary>Stands in for the node of a request that no node answered (no healthy node, connection refused).</summary>
    public const string NoNode = "none";

    private readonly Lock _lock = new();
    private readonly Queue<TrafficRecord> _records = new();
    private readonly Dictionary<string, Dictionary<string, long>> _counts = new(StringComparer.Ordinal);
    private long _sequence;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public TrafficRecord Add(DateTimeOffset time, string strategy, string method, string path, string? node, int status, double elapsedMs)
    {
        lock (_lock)
        {
            var record = new TrafficRecord(++_sequence, time, strategy, method, path, node, status, elapsedMs);
            _records.Enqueue(record);
            if (_records.Count > Capacity)
            {
                _records.Dequeue();
            }

            if (!_counts.TryGetValue(strategy, out var perNode))
            {
                perNode = new Dictionary<string, long>(StringComparer.Ordinal);
                _counts[strategy] = perNode;
            }

            // One hash lookup for the count, not a read and a write: this runs under the lock for every request.
            CollectionsMarshal.GetValueRefOrAddDefault(perNode, node ?? NoNode, out _)++;
            return record;
        }
    }

    /// <summary>The records after <paramref name="after"/>, oldest first; at most the newest <paramref name="limit"/> of them.</summary>
    public TrafficPage Read(long after, int limit)
    {
        lock (_lock)
        {
            var newer = _records.Where(r => r.Sequence > after).ToList();
            var records = newer.Count > limit ? newer.GetRange(newer.Count - limit, limit) : newer;
            var counts = _counts.ToDictionary(
                pool => pool.Key,
                pool => (IReadOnlyDictionary<string, long>)new SortedDictionary<string, long>(pool.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
            return new TrafficPage(records, _sequence, counts);
        }
    }
}
