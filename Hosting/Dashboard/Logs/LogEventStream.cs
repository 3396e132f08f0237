using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Hosting.Dashboard.Logs;

/// <summary>
/// One resource's console as server-sent events: first the buffered tail, then each new batch of lines as it
/// arrives. Every event is a <c>lines</c> array whose id is the last sequence in it, so a browser that reconnects
/// (<c>Last-Event-ID</c>) resumes where it left off.
/// </summary>
internal static class LogEventStream
{
    public const string EventType = "lines";

    /// <summary>Lines per event: a burst arrives in a few events instead of one huge one.</summary>
    private const int MaxBatch = 500;

    public static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        Resource resource,
        long after,
        int tail,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before taking the snapshot so no line falls between the two; duplicates are skipped by sequence.
        var arrivals = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(LogBuffer.DefaultCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        void OnLine(LogLine line) => arrivals.Writer.TryWrite(line);
        resource.Logs.LineAdded += OnLine;
        try
        {
            var snapshot = resource.Logs.Snapshot(after);
            var initial = snapshot.Skip(Math.Max(0, snapshot.Count - tail)).ToList();
            var last = initial.Count > 0 ? initial[^1].Sequence : after;
            // Sent even when empty: the page learns it is connected and that there is nothing yet.
            yield return Batch(initial, last);

            var batch = new List<LogLine>(MaxBatch);
            while (await WaitAsync(arrivals.Reader, cancellationToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && arrivals.Reader.TryRead(out var line))
                {
                    if (line.Sequence > last)
                    {
                        batch.Add(line);
                        last = line.Sequence;
                    }
                }

                if (batch.Count > 0)
                {
                    yield return Batch(batch, last);
                }
            }
        }
        finally
        {
            resource.Logs.LineAdded -= OnLine;
        }
    }

    private static SseItem<string> Batch(IEnumerable<LogLine> lines, long last) =>
        new(JsonSerializer.Serialize(lines.Select(LogLevels.View).ToList(), DashboardJson.Options), EventType)
        {
            EventId = last.ToString(CultureInfo.InvariantCulture),
        };

    private static async Task<bool> WaitAsync(ChannelReader<LogLine> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The browser went away, or the dashboard is stopping: end the stream quietly.
            return false;
        }
    }
}
