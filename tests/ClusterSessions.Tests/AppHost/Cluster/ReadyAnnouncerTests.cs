using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Configuration;

namespace ClusterSessions.Tests.AppHost.Cluster;

public sealed class ReadyAnnouncerTests
{
    [Fact]
    public void Line_EverythingUp_NamesGatewayDashboardLoginAndLabWithoutTrailingSlashes()
    {
        var model = new ClusterModel(new ClusterOptions(), Path.GetTempPath())
        {
            Gateway = new GatewayEndpoints("gateway", 8080, 8081),
            DashboardLoginUrl = new Uri("http://127.0.0.1:18888/login?t=abc"),
            LabUrl = new Uri("http://127.0.0.1:18890"),
        };

        Assert.Equal(
            "READY gateway=http://127.0.0.1:8080 dashboard=http://127.0.0.1:18888/login?t=abc lab=http://127.0.0.1:18890",
            ReadyAnnouncer.Line(model));
    }

    [Fact]
    public void Line_DashboardOff_SaysDash() =>
        Assert.Equal(
            "READY gateway=http://127.0.0.1:8080 dashboard=- lab=-",
            ReadyAnnouncer.Line(new ClusterModel(new ClusterOptions(), Path.GetTempPath()) { Gateway = new GatewayEndpoints("gateway", 8080, 8081) }));
}
