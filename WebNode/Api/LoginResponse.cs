namespace ClusterSessions.WebNode.Api;

internal sealed record LoginResponse(string User, string Node, string? Token);
