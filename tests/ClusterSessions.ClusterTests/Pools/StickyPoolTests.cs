using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Pools;

[Collection(LocalAndStickyCollection.Name)]
public sealed class StickyPoolTests(LocalAndStickyCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Login_FollowedByHops_StaysOnOneNodeAndHolds()
    {
        using var client = cluster.CreateClient("sticky");
        using var login = await client.LoginAsync("bob");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        for (var i = 0; i < 20; i++)
        {
            using var me = await client.GetAsync("api/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(login.ServedBy(), me.ServedBy());
            Assert.Equal("bob", (await me.JsonAsync()).GetProperty("user").GetString());
        }
    }

    [Fact]
    public async Task KillingTheUsersNode_MovesThemToAnotherNode_LoggedOut_WithNoServerErrorsAfterFailover()
    {
        using var client = cluster.CreateClient("sticky");
        using var lab = cluster.CreateLabClient();
        using var login = await client.LoginAsync("alice");
        var node = login.ServedBy();

        // The lab's control API runs the resource's Kill command through Aspire and answers once the process is gone.
        using var kill = await lab.PostAsync($"api/resources/{node}/kill", null);
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        var killed = await kill.JsonAsync();
        Assert.NotEqual("running", killed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, killed.GetProperty("pid").ValueKind);

        try
        {
            // Until the gateway notices, requests may still be sent to the dead node (502); then they move.
            var clock = Stopwatch.StartNew();
            HttpResponseMessage me;
            while (true)
            {
                me = await client.GetAsync("api/me");
                if ((int)me.StatusCode < 500 || clock.Elapsed > TimeSpan.FromSeconds(15))
                {
                    break;
                }

                me.Dispose();
                await Task.Delay(100);
            }

            using (me)
            {
                output.WriteLine($"sticky failover from {node} to {me.ServedBy()} after {clock.Elapsed.TotalSeconds:0.00} s");
                Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
                Assert.NotEqual(node, me.ServedBy());
            }

            var servedBy = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                using var after = await client.GetAsync("api/me");
                Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
                servedBy.Add(after.ServedBy());
                await Task.Delay(150);
            }

            // Once the health checks have caught up the client is re-affinitized to one surviving node.
            output.WriteLine(string.Join(" ", servedBy));
            Assert.DoesNotContain(node, servedBy);
            Assert.Single(servedBy.TakeLast(5).Distinct());
        }
        finally
        {
            await cluster.Control.ExecuteAsync(node, ResourceAction.Start);
            await cluster.WaitUntilServedAsync("sticky", node);
        }

        var restarted = cluster.Control.FindResource(node)!;
        Assert.Equal("running", restarted.State);
        Assert.Equal("healthy", restarted.Health);
    }
}
