using System.Net;
using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Pools;

[Collection(LocalAndStickyCollection.Name)]
public sealed class ScaleOutTests(LocalAndStickyCluster cluster)
{
    [Fact]
    public async Task AddNode_ThenRemoveNode_GatewayRoutesToItOnlyWhileItIsInThePool()
    {
        var node = await cluster.App.AddNodeAsync("local");
        using var client = cluster.CreateClient("local");
        try
        {
            Assert.Contains(node.Name, await ServedByAsync(client, 8));
        }
        finally
        {
            await cluster.App.RemoveNodeAsync(node.Name);
        }

        Assert.Null(cluster.App.FindResource(node.Name));
        Assert.DoesNotContain(node.Name, await ServedByAsync(client, 8));
    }

    private static async Task<HashSet<string>> ServedByAsync(HttpClient client, int requests)
    {
        var nodes = new HashSet<string>();
        for (var i = 0; i < requests; i++)
        {
            using var response = await client.GetAsync("api/node");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            nodes.Add(response.ServedBy());
        }

        return nodes;
    }
}
