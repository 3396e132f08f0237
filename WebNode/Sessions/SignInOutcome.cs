namespace ClusterSessions.WebNode.Sessions;

/// <param name="Token">The bearer token, for strategies whose state travels with the client.</param>
internal sealed record SignInOutcome(string? Token = null);
