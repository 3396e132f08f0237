using System.Net;
using ClusterSessions.ClusterTests.Infrastructure;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// <c>X-Served-By</c> is a response header the cluster sets itself: a client that sends one cannot make an answer
/// name a node (or the gateway) it did not come from.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ServedByTests(RedisCluster cluster)
{
    [Theory]
    [InlineData("redis")]
    [InlineData("jwt")]
    public async Task SpoofedServedByRequestHeader_NeverComesBack_EveryAnswerNamesTheNodeThatMadeIt(string strategy)
    {
        var members = cluster.Model.FindPool(strategy)!.Members.Select(n => n.Name).ToList();
        using var client = cluster.CreateClient(strategy);
        var seen = new HashSet<string>();
        // Round-robin: every node of the pool answers at least once.
        for (var i = 0; i < members.Count * 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/node");
            request.Headers.TryAddWithoutValidation("X-Served-By", ["evil-1", "gateway", members[0]]);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var servedBy = Assert.Single(response.Headers.GetValues("X-Served-By"));
            Assert.Contains(servedBy, members);
            Assert.Equal(servedBy, (await response.JsonAsync()).GetProperty("node").GetString());
            seen.Add(servedBy);
        }

        Assert.Equal(members.Order(), seen.Order());
    }

    [Fact]
    public async Task SpoofedServedByRequestHeader_OnTheGatewaysOwnAnswer_NamesTheGateway()
    {
        using var client = new HttpClient { BaseAddress = cluster.Gateway };
        using var request = new HttpRequestMessage(HttpMethod.Get, "no-such-pool/api/node");
        request.Headers.TryAddWithoutValidation("X-Served-By", "redis-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["gateway"], response.Headers.GetValues("X-Served-By"));
    }
}
