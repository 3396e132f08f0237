namespace ClusterSessions.Gateway.Pools;

/// <summary>The policies built into YARP 2.1 (Yarp.ReverseProxy.LoadBalancing.LoadBalancingPolicies).</summary>
internal static class LoadBalancingPolicies
{
    public static readonly IReadOnlyList<string> All =
        ["RoundRobin", "Random", "PowerOfTwoChoices", "LeastRequests", "FirstAlphabetical"];
}
