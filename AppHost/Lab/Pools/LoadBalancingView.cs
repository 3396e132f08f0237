namespace ClusterSessions.AppHost.Lab.Pools;

/// <summary>The policy the gateway uses now and the ones it could use.</summary>
internal sealed record LoadBalancingView(string Policy, IReadOnlyList<string> Policies);
