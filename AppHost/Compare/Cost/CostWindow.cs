namespace ClusterSessions.AppHost.Compare.Cost;

/// <summary>What the meters moved between two readings, per second: the rate of one idle or loaded window.</summary>
internal sealed record CostWindow(double Seconds, double? NodesCpuPerSecond, double? GatewayCpuPerSecond, double? RedisCpuPerSecond, IReadOnlyDictionary<string, double>? RedisCallsPerSecond)
{
    public static CostWindow Between(CostReading start, CostReading end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        var seconds = (end.At - start.At).TotalSeconds;
        return new CostWindow(
            seconds,
            Rate(start.Nodes, end.Nodes, seconds),
            Rate(start.Gateway, end.Gateway, seconds),
            Rate(start.Redis, end.Redis, seconds),
            start.RedisCalls is { } before && end.RedisCalls is { } after && seconds > 0
                ? after.ToDictionary(c => c.Key, c => (c.Value - before.GetValueOrDefault(c.Key)) / seconds, StringComparer.Ordinal)
                : null);
    }

    /// <summary>Part by part, the lower rate of two idle windows (a part either cannot read is null).</summary>
    public static CostWindow Quieter(CostWindow first, CostWindow second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new CostWindow(
            Math.Min(first.Seconds, second.Seconds),
            Min(first.NodesCpuPerSecond, second.NodesCpuPerSecond),
            Min(first.GatewayCpuPerSecond, second.GatewayCpuPerSecond),
            Min(first.RedisCpuPerSecond, second.RedisCpuPerSecond),
            first.RedisCallsPerSecond is { } a && second.RedisCallsPerSecond is { } b
                ? a.Keys.Union(b.Keys).ToDictionary(k => k, k => Math.Min(a.GetValueOrDefault(k), b.GetValueOrDefault(k)), StringComparer.Ordinal)
                : first.RedisCallsPerSecond ?? second.RedisCallsPerSecond);
    }

    private static double? Min(double? a, double? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    private static double? Rate(TimeSpan? start, TimeSpan? end, double seconds) =>
        start is { } s && end is { } e && seconds > 0 && e >= s ? (e - s).TotalSeconds / seconds : null;
}
