using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>What <c>AddLab()</c> puts in the Aspire model (built, not started).</summary>
public sealed class LabExtensionsTests(AppHostModel host) : IClassFixture<AppHostModel>
{
    [Fact]
    public void AddLab_GatewayInTheDashboard_LinksTheLabWithThisRunsToken()
    {
        var links = host.Resource("gateway").Annotations.OfType<ResourceUrlAnnotation>().ToList();

        var lab = Assert.Single(links, l => l.DisplayText?.StartsWith("Lab", StringComparison.Ordinal) == true);
        Assert.Equal(host.Cluster.LabLoginUrl!.ToString(), lab.Url);
        Assert.EndsWith($"/?t={host.Cluster.ControlToken.Value}", lab.Url, StringComparison.Ordinal);
        Assert.StartsWith(host.Cluster.LabUrl!.ToString(), lab.Url, StringComparison.Ordinal);
    }
}
