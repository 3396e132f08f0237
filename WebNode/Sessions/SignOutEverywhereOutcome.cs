namespace ClusterSessions.WebNode.Sessions;

/// <param name="Ended">Sessions ended, when the strategy can count them.</param>
/// <param name="Scope"><c>cluster</c> when every node is affected, <c>node</c> when only this node's memory was reachable.</param>
internal sealed record SignOutEverywhereOutcome(int? Ended, string Scope, string Note);
