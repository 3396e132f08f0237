using ClusterSessions.ServiceDefaults;
using ClusterSessions.WebNode.Sessions;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Api;

/// <summary>Who answered: reported by <c>/api/node</c>, <c>/api/me</c> and login.</summary>
internal sealed class NodeInfo(IOptions<NodeOptions> node, IOptions<SessionStrategyOptions> session, TimeProvider timeProvider)
{
    public string Id { get; } = node.Value.Id;

    public string Strategy { get; } = session.Value.Strategy;

    public int ProcessId { get; } = Environment.ProcessId;

    public DateTimeOffset StartedAt { get; } = timeProvider.GetUtcNow();
}
