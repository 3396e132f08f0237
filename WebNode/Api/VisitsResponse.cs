namespace ClusterSessions.WebNode.Api;

internal sealed record VisitsResponse(long Count);
