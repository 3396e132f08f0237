using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.AppHost;

/// <summary>Topologies other than the default, from <c>--Cluster:…</c> arguments (Aspire.Hosting.Testing, nothing started).</summary>
public sealed class ProgramOptionsTests
{
    [Fact]
    public async Task Build_LocalOnly_NoStoreAndOnlyThatPool()
    {
        await using var host = await AppHostModel.CreateAsync("--Cluster:Strategies=local");

        Assert.Equal(["local-1", "local-2", "local-3", "local-4", "local-5", "gateway"], host.Executables.Select(r => r.Name));
        Assert.Null(host.Cluster.Store);
        Assert.Equal(["gateway", "local-1", "local-2", "local-3"], host.Cluster.RequiredResources);
    }

    [Fact]
    public async Task Build_JwtWithoutDenyList_NoStoreAndNothingToWaitFor()
    {
        await using var host = await AppHostModel.CreateAsync("--Cluster:Strategies=jwt", "--Cluster:JwtRevocation=None");

        Assert.DoesNotContain(host.Executables, r => r.Name == "redis");
        var environment = await host.EnvironmentAsync("jwt-1");
        Assert.Equal("None", environment["Jwt__Revocation"]);
        Assert.DoesNotContain("ConnectionStrings__redis", environment.Keys);
        Assert.Empty(host.WaitsFor("jwt-1"));
    }

    [Fact]
    public async Task Build_NodeCountsAndStoreDown_AreTheConfiguredOnes()
    {
        await using var host = await AppHostModel.CreateAsync(
            "--Cluster:Strategies=redis,sticky",
            "--Cluster:NodesPerStrategy=1",
            "--Cluster:SpareNodesPerStrategy=0",
            "--Cluster:SessionStoreDown=Silent",
            "--Cluster:LoadBalancing=LeastRequests");

        Assert.Equal(["redis", "redis-1", "sticky-1", "gateway"], host.Executables.Select(r => r.Name));
        Assert.DoesNotContain(host.Executables, r => r.Annotations.OfType<ExplicitStartupAnnotation>().Any());
        Assert.Equal("Silent", (await host.EnvironmentAsync("redis-1"))["Session__StoreDown"]);
        Assert.Equal("LeastRequests", (await host.EnvironmentAsync("gateway"))["Gateway__LoadBalancing"]);
    }
}
