namespace ClusterSessions.Hosting.ApplicationModel;

/// <summary>The last <see cref="Capacity"/> console lines of a resource (stdout and stderr, in arrival order).</summary>
public sealed class LogBuffer(TimeProvider timeProvider, int capacity = LogBuffer.DefaultCapacity)
{
    public const int DefaultCapacity = 5000;

    private readonly Lock _lock = new();
    private readonly Queue<LogLine> _lines = new();
    private long _sequence;

    public int Capacity { get; } = capacity;

    public event Action<LogLine>? LineAdded;

    public void Add(string text, bool isError)
    {
        LogLine line;
        lock (_lock)
        {
            line = new LogLine(++_sequence, timeProvider.GetUtcNow(), isError, text);
            _lines.Enqueue(line);
            if (_lines.Count > Capacity)
            {
                _lines.Dequeue();
            }
        }

        LineAdded?.Invoke(line);
    }

    /// <summary>The buffered lines after <paramref name="afterSequence"/>, oldest first.</summary>
    public IReadOnlyList<LogLine> Snapshot(long afterSequence = 0)
    {
        lock (_lock)
        {
            return _lines.Where(l => l.Sequence > afterSequence).ToList();
        }
    }
}
