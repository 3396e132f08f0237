namespace ClusterSessions.Hosting.Dashboard;

internal sealed record CompareRequest(string? Scenario, int? Users, int? Requests);
