namespace ClusterSessions.WebNode.Sessions;

/// <param name="Ended">Logins ended, when the strategy can count them (a token deny-list cannot: tokens are not tracked).</param>
/// <param name="Scope"><c>cluster</c> when every node is affected, <c>node</c> when only this node's memory was reachable, <c>client</c> when only this client's cookie.</param>
internal sealed record SignOutEverywhereOutcome(int? Ended, string Scope, string Note);
