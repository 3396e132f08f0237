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

    [Fact]
    public async Task Build_NodeProtocolHttp1_TheGatewaySpeaksHttp1ToTheNodesHttp1Ports()
    {
        await using var host = await AppHostModel.CreateAsync("--Cluster:Strategies=local", "--Cluster:NodeProtocol=Http1");

        var environment = await host.EnvironmentAsync("gateway");
        var local1 = host.Cluster.FindPool("local")!.Nodes[0];
        Assert.Equal("Http1", environment["Gateway__NodeProtocol"]);
        Assert.Equal(local1.Url + "/", environment["Gateway__Pools__local__Destinations__local-1"]);
        // The node still listens on both: the protocol is the gateway's choice alone.
        Assert.Equal(local1.H2cUrl, (await host.EnvironmentAsync("local-1"))["Kestrel__Endpoints__H2c__Url"]);
    }
}
