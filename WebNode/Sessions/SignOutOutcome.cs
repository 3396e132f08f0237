namespace ClusterSessions.WebNode.Sessions;

/// <param name="Revoked">Whether the old credential stops working everywhere, now.</param>
/// <param name="Note">Said to the client when the answer is not the obvious one (e.g. a stateless token).</param>
internal sealed record SignOutOutcome(bool Revoked, string? Note = null);
