namespace ClusterSessions.WebNode.Api;

internal sealed record LogoutResponse(bool Revoked, string? Note);
