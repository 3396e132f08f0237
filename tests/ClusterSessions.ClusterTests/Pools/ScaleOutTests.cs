using System.Net;
using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Pools;

[Collection(LocalAndStickyCollection.Name)]
public sealed class ScaleOutTests(LocalAndStickyCluster cluster)
{
    [Fact]
    public async Task AddNode_ThenRemoveNode_GatewayRoutesToItOnlyWhileItIsInThePool()
    {
        using var lab = cluster.CreateLabClient();
        using var client = cluster.CreateClient("local");
        Assert.DoesNotContain("local-4", await ServedByAsync(client, 6));

        // Scale-out starts the pool's first spare (an explicit-start Aspire resource) and routes to it once healthy.
        using var added = await lab.PostAsync("api/pools/local/nodes", null);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var node = (await added.JsonAsync()).GetProperty("name").GetString()!;
        Assert.Equal("local-4", node);
        try
        {
            Assert.Equal("running", cluster.Control.FindResource(node)!.State);
            Assert.Contains(node, await ServedByAsync(client, 8));
        }
        finally
        {
            using var removed = await lab.DeleteAsync($"api/pools/local/nodes/{node}");
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        // Scale-in stops routing first, then stops the node: it is a spare again.
        Assert.DoesNotContain(cluster.Model.FindPool("local")!.Members, n => n.Name == node);
        Assert.Null(cluster.Control.FindResource(node)!.Pid);
        Assert.DoesNotContain(node, await ServedByAsync(client, 8));
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
