using System.Diagnostics;
using ClusterSessions.ServiceDefaults;
using ClusterSessions.WebNode.Sessions;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Api;

/// <summary>Who answered: reported by <c>/api/node</c>, <c>/api/me</c> and login.</summary>
internal sealed class NodeInfo(IOptions<NodeOptions> node, IOptions<SessionStrategyOptions> session)
{
    public string Id { get; } = node.Value.Id;

    public string Strategy { get; } = session.Value.Strategy?.ToName() ?? "";

    public int ProcessId { get; } = Environment.ProcessId;

    /// <summary>When this process started (not when it served its first request).</summary>
    public DateTimeOffset StartedAt { get; } = ProcessStartTime();

    private static DateTimeOffset ProcessStartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
