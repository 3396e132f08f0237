using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Configuration;

namespace ClusterSessions.Tests.AppHost.Cluster;

public sealed class ReadyAnnouncerTests
{
    [Fact]
    public void Line_EverythingUp_NamesGatewayDashboardLoginAndTheLabLinkWithItsToken()
    {
        var model = new ClusterModel(new ClusterOptions(), Path.GetTempPath())
        {
            Gateway = new GatewayEndpoints("gateway", 8080, 8081),
            DashboardLoginUrl = new Uri("http://127.0.0.1:18888/login?t=abc"),
            LabUrl = new Uri("http://127.0.0.1:18890"),
        };

        Assert.Equal(
            $"READY gateway=http://127.0.0.1:8080 dashboard=http://127.0.0.1:18888/login?t=abc lab=http://127.0.0.1:18890/?t={model.ControlToken.Value}",
            ReadyAnnouncer.Line(model));
    }

    [Fact]
    public void Line_LabLink_CarriesThisRunsTokenAsScriptsParseIt()
    {
        var model = new ClusterModel(new ClusterOptions(), Path.GetTempPath()) { LabUrl = new Uri("http://127.0.0.1:18890") };

        var lab = new Uri(ReadyAnnouncer.Line(model).Split(' ').Single(p => p.StartsWith("lab=", StringComparison.Ordinal))["lab=".Length..]);

        Assert.Equal("http://127.0.0.1:18890", lab.GetLeftPart(UriPartial.Authority));
        Assert.Equal("/", lab.AbsolutePath);
        Assert.Equal($"?t={model.ControlToken.Value}", lab.Query);
    }

    [Fact]
    public void Line_TwoRuns_TwoTokens()
    {
        var first = new ClusterModel(new ClusterOptions(), Path.GetTempPath()) { LabUrl = new Uri("http://127.0.0.1:18890") };
        var second = new ClusterModel(new ClusterOptions(), Path.GetTempPath()) { LabUrl = new Uri("http://127.0.0.1:18890") };

        Assert.Same(first.ControlToken, first.ControlToken);
        Assert.NotEqual(ReadyAnnouncer.Line(first), ReadyAnnouncer.Line(second));
    }

    [Fact]
    public void Line_DashboardOff_SaysDash() =>
        Assert.Equal(
            "READY gateway=http://127.0.0.1:8080 dashboard=- lab=-",
            ReadyAnnouncer.Line(new ClusterModel(new ClusterOptions(), Path.GetTempPath()) { Gateway = new GatewayEndpoints("gateway", 8080, 8081) }));
}
