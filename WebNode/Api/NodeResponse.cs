namespace ClusterSessions.WebNode.Api;

internal sealed record NodeResponse(string Node, string Strategy, int Pid, DateTimeOffset StartedAt);
