using YarpPolicies = Yarp.ReverseProxy.LoadBalancing.LoadBalancingPolicies;

namespace ClusterSessions.Gateway.Pools;

/// <summary>The policies built into YARP: the only names a pool may use, since the gateway registers no policy of its own.</summary>
internal static class LoadBalancingPolicies
{
    public static readonly IReadOnlyList<string> All =
    [
        YarpPolicies.RoundRobin,
        YarpPolicies.Random,
        YarpPolicies.PowerOfTwoChoices,
        YarpPolicies.LeastRequests,
        YarpPolicies.FirstAlphabetical,
    ];
}
