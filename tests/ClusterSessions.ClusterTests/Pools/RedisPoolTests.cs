using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.ClusterTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Pools;

[Collection(RedisCollection.Name)]
public sealed class RedisPoolTests(RedisCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Login_Followed20MixedRequests_EveryNodeSeesTheSameUserAndCart()
    {
        using var client = cluster.CreateClient("redis");
        using var login = await client.LoginAsync("alice");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var (ok, nodes) = await MixedRequestsAsync(client, "alice", 20);

        output.WriteLine($"redis: {ok} of 20 held, served by {string.Join(", ", nodes)}");
        Assert.Equal(20, ok);
        Assert.Equal(3, nodes.Count);
    }

    [Fact]
    public async Task SharedKeyRing_HoldsOneKeyThatEveryNodeUses()
    {
        await using var client = await ConnectionMultiplexer.ConnectAsync(cluster.Model.Store!.ConnectionString!);
        // Nodes started together would each have made a key of their own; the AppHost makes one before they start.
        Assert.Equal(1, await client.GetDatabase().ListLengthAsync("DataProtection-Keys"));
    }

    [Fact]
    public async Task KilledNode_LoginStillHoldsOnEveryRequest()
    {
        using var client = cluster.CreateClient("redis");
        using var login = await client.LoginAsync("bob");
        var node = login.ServedBy();
        await cluster.Control.ExecuteAsync(node, ResourceAction.Kill);
        try
        {
            var (ok, nodes) = await MixedRequestsAsync(client, "bob", 20);
            output.WriteLine($"redis after killing {node}: {ok} of 20 held, served by {string.Join(", ", nodes)}");
            Assert.Equal(20, ok);
            Assert.DoesNotContain(node, nodes);
        }
        finally
        {
            await cluster.Control.ExecuteAsync(node, ResourceAction.Start);
            await cluster.WaitUntilServedAsync("redis", node);
        }
    }

    [Fact]
    public async Task RedisRestart_LoginAndCartSurvive()
    {
        using var client = cluster.CreateClient("redis");
        using var login = await client.LoginAsync("carol");
        using var add = await client.PostAsJsonAsync("api/cart/items", new { sku = "lamp", quantity = 2 });
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);

        await cluster.Control.ExecuteAsync("redis", ResourceAction.Restart);
        await WaitForOkAsync(client, TimeSpan.FromSeconds(10));
        await cluster.WaitUntilPoolServedAsync("redis");

        using var cart = await client.GetAsync("api/cart");
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        var item = Assert.Single((await cart.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("lamp", item.GetProperty("sku").GetString());
        Assert.Equal(2, item.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task RedisStopped_Answers503WithJsonReason_ThenRecoversWhenItReturns()
    {
        using var client = cluster.CreateClient("redis");
        using var login = await client.LoginAsync("alice");
        await cluster.Control.ExecuteAsync("redis", ResourceAction.Stop);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                using var me = await client.GetAsync("api/me");
                output.WriteLine($"redis down: {(int)me.StatusCode} in {clock.ElapsedMilliseconds} ms from {me.ServedBy()}");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, me.StatusCode);
                // A node waiting on the dead store would hang until the client gives up; the figure itself is printed above.
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
                Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
                Assert.Equal("session store unavailable", (await me.JsonAsync()).GetProperty("error").GetString());
                Assert.NotNull(me.Headers.RetryAfter);
            }
        }
        finally
        {
            await cluster.Control.ExecuteAsync("redis", ResourceAction.Start);
        }

        var recovered = await WaitForOkAsync(client, TimeSpan.FromSeconds(5));
        output.WriteLine($"redis back: 200 again {recovered.TotalMilliseconds:0} ms after the server was up");
        await cluster.WaitUntilPoolServedAsync("redis");
        for (var i = 0; i < 6; i++)
        {
            using var again = await client.GetAsync("api/me");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("alice", (await again.JsonAsync()).GetProperty("user").GetString());
        }
    }

    [Fact]
    public async Task Logout_OldCookieReplayed_IsRejectedOnEveryNode()
    {
        using var client = cluster.CreateClient("redis");
        using var login = await client.LoginAsync("bob");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cs_login=", StringComparison.Ordinal)).Split(';')[0];
        using var logout = await client.PostAsync("api/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(cluster.Gateway, "/redis/") };
        var nodes = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
            request.Headers.Add("Cookie", cookie);
            using var me = await replay.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            nodes.Add(me.ServedBy());
        }

        Assert.Equal(3, nodes.Count);
    }

    [Fact]
    public async Task LogoutAll_EndsTheUsersOtherSessionsOnEveryNode()
    {
        using var laptop = cluster.CreateClient("redis");
        using var phone = cluster.CreateClient("redis");
        using var other = cluster.CreateClient("redis");
        (await laptop.LoginAsync("carol")).Dispose();
        (await phone.LoginAsync("carol")).Dispose();
        (await other.LoginAsync("alice")).Dispose();

        using var logoutAll = await laptop.PostAsync("api/logout-all", null);
        Assert.Equal(HttpStatusCode.OK, logoutAll.StatusCode);
        var answer = await logoutAll.JsonAsync();
        Assert.Equal("cluster", answer.GetProperty("scope").GetString());
        Assert.True(answer.GetProperty("ended").GetInt32() >= 2);

        for (var i = 0; i < 3; i++)
        {
            using var phoneMe = await phone.GetAsync("api/me");
            Assert.Equal(HttpStatusCode.Unauthorized, phoneMe.StatusCode);
            using var otherMe = await other.GetAsync("api/me");
            Assert.Equal(HttpStatusCode.OK, otherMe.StatusCode);
        }
    }

    private static async Task<(int Ok, HashSet<string> Nodes)> MixedRequestsAsync(HttpClient client, string user, int count)
    {
        var ok = 0;
        var nodes = new HashSet<string>();
        var added = 0;
        for (var i = 0; i < count; i++)
        {
            HttpResponseMessage response;
            if (i % 3 == 2)
            {
                response = await client.PostAsJsonAsync("api/cart/items", new { sku = "pen", quantity = 1 });
                added += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }
            else
            {
                response = await client.GetAsync(i % 3 == 0 ? "api/me" : "api/cart");
            }

            using (response)
            {
                nodes.Add(response.ServedBy());
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var body = await response.JsonAsync();
                var held = body.TryGetProperty("user", out var name)
                    ? name.GetString() == user
                    : body.GetProperty("items").EnumerateArray().Sum(item => item.GetProperty("quantity").GetInt32()) >= added;
                ok += held ? 1 : 0;
            }
        }

        return (ok, nodes);
    }

    private static async Task<TimeSpan> WaitForOkAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var me = await client.GetAsync("api/me");
            if (me.StatusCode == HttpStatusCode.OK)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"no 200 within {timeout.TotalSeconds:0} s; last answer {(int)me.StatusCode}");
            }

            await Task.Delay(50);
        }
    }
}
