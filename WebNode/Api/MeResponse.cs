namespace ClusterSessions.WebNode.Api;

internal sealed record MeResponse(string User, string Node, string Strategy);
