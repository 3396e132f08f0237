namespace ClusterSessions.WebNode.Api;

internal sealed record LogoutAllResponse(int? Ended, string Scope, string Note);
