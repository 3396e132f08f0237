using System.Net;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Pools;

[Collection(LocalAndStickyCollection.Name)]
public sealed class LocalPoolTests(LocalAndStickyCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task RoundRobin_RepeatedRequests_CycleOverEveryLocalNode()
    {
        using var client = cluster.CreateClient("local");
        var servedBy = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            using var response = await client.GetAsync("api/node");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            servedBy.Add(response.ServedBy());
        }

        output.WriteLine(string.Join(" ", servedBy));
        Assert.Equal(["local-1", "local-2", "local-3"], servedBy.Distinct().Order());
        // Round-robin: no node answers twice in a row.
        Assert.All(servedBy.Zip(servedBy.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task Login_FollowedByHops_IsLostOnMostHops()
    {
        using var client = cluster.CreateClient("local");
        using var login = await client.LoginAsync("alice");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var loginNode = login.ServedBy();

        const int hops = 30;
        var kept = 0;
        for (var i = 0; i < hops; i++)
        {
            using var me = await client.GetAsync("api/me");
            Assert.True(me.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"unexpected {me.StatusCode}");
            if (me.StatusCode == HttpStatusCode.OK)
            {
                kept++;
                // Only the node that minted the cookie can read it.
                Assert.Equal(loginNode, me.ServedBy());
            }
        }

        output.WriteLine($"local: login held on {kept} of {hops} hops (login node {loginNode})");
        Assert.InRange(kept, 1, hops / 2);
    }

    [Fact]
    public async Task Cart_FollowedByHops_IsSeenOnlyByTheNodeThatHoldsIt()
    {
        using var client = cluster.CreateClient("local");
        using var login = await client.LoginAsync("carol");
        var loginNode = login.ServedBy();
        var sawCart = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            using var cart = await client.GetAsync("api/cart");
            sawCart.Add(cart.StatusCode == HttpStatusCode.OK);
            Assert.Equal(cart.StatusCode == HttpStatusCode.OK, cart.ServedBy() == loginNode);
        }

        Assert.Contains(false, sawCart);
    }
}
