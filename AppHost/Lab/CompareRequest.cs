namespace ClusterSessions.AppHost.Lab;

internal sealed record CompareRequest(string? Scenario, int? Users, int? Requests);
