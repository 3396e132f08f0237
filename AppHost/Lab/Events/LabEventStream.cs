using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ClusterSessions.AppHost.Lab.Traffic;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Lab.Events;

/// <summary>
/// <c>GET /api/events</c>: the cluster as server-sent events. Every <see cref="Interval"/> it looks at the model and
/// sends a <c>state</c> event (a whole <see cref="ClusterSnapshot"/>) when anything changed, and a <c>traffic</c>
/// event (a <see cref="TrafficUpdate"/>) when the gateway proxied something new. Snapshots rather than diffs: the
/// whole cluster is a few KB, and a page that missed an event is right again at the next one.
/// </summary>
internal sealed class LabEventStream(ClusterControl cluster, TrafficFeed traffic, TimeProvider timeProvider)
{
    public const string StateEvent = "state";
    public const string TrafficEvent = "traffic";

    /// <summary>Records a new page gets at once; it can ask for older ones with <c>GET /api/traffic</c>.</summary>
    public const int InitialTraffic = 200;

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <param name="trafficAfter">The last traffic sequence the page has (its <c>Last-Event-ID</c> on a reconnect), or null for a new page.</param>
    public async IAsyncEnumerable<SseItem<string>> ReadAsync(long? trafficAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? lastState = null;
        string? lastTrafficSummary = null;
        var after = trafficAfter ?? 0;
        var limit = trafficAfter is null ? InitialTraffic : TrafficFeed.DefaultCapacity;
        while (!cancellationToken.IsCancellationRequested)
        {
            var snapshot = ClusterSnapshot.From(cluster, timeProvider.GetUtcNow());
            // The clock alone is not a change.
            var state = JsonSerializer.Serialize(snapshot with { ServerTime = default }, LabJson.Options);
            if (state != lastState)
            {
                lastState = state;
                yield return new SseItem<string>(JsonSerializer.Serialize(snapshot, LabJson.Options), StateEvent);
            }

            var update = await ReadTrafficAsync(after, limit, cancellationToken).ConfigureAwait(false);
            if (update is null)
            {
                yield break;
            }

            var summary = JsonSerializer.Serialize(new { update.Counts, update.Error }, LabJson.Options);
            if (update.Records.Count > 0 || summary != lastTrafficSummary)
            {
                lastTrafficSummary = summary;
                // The id is the traffic cursor: a reconnecting EventSource sends it back as Last-Event-ID.
                yield return new SseItem<string>(JsonSerializer.Serialize(update, LabJson.Options), TrafficEvent)
                {
                    EventId = update.Last.ToString(CultureInfo.InvariantCulture),
                };
            }

            after = update.Last;
            limit = TrafficFeed.DefaultCapacity;
            if (!await DelayAsync(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private async Task<TrafficUpdate?> ReadTrafficAsync(long after, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return await traffic.ReadAsync(after, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<bool> DelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Interval, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
