using ClusterSessions.Gateway.Pools;
using Microsoft.Extensions.DependencyInjection;
using ILoadBalancingPolicy = Yarp.ReverseProxy.LoadBalancing.ILoadBalancingPolicy;

namespace ClusterSessions.Tests.Gateway.Pools;

public sealed class LoadBalancingPoliciesTests
{
    [Fact]
    public async Task All_ComparedWithYarp_IsExactlyThePoliciesYarpRegisters()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReverseProxy();
        await using var provider = services.BuildServiceProvider();

        var registered = provider.GetServices<ILoadBalancingPolicy>().Select(p => p.Name);

        Assert.Equal(registered.Order(StringComparer.Ordinal), LoadBalancingPolicies.All.Order(StringComparer.Ordinal));
    }
}
