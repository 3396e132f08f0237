using ClusterSessions.AppHost.Cluster;

namespace ClusterSessions.Tests.AppHost.Cluster;

public sealed class FreePortsTests
{
    [Fact]
    public void Allocate_RequestedPort_IsReturnedAsIs() => Assert.Equal(8080, FreePorts.Allocate(8080));

    [Fact]
    public void Allocate_Zero_NeverTheSamePortTwice()
    {
        var ports = Enumerable.Range(0, 20).Select(_ => FreePorts.Allocate()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 1, 65535));
    }
}
