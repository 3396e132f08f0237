namespace ClusterSessions.AppHost.Lab.Pools;

/// <summary><c>PUT /api/gateway/load-balancing</c> body: <c>{"policy":"Random"}</c>.</summary>
internal sealed record LoadBalancingRequest(string? Policy);
