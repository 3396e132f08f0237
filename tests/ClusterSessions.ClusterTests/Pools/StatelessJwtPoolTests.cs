using System.Net;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Pools;

/// <summary>The jwt pool with <c>Cluster:JwtRevocation=None</c>: tokens live until they expire, logout or not.</summary>
[Collection(LocalAndStickyCollection.Name)]
public sealed class StatelessJwtPoolTests(StatelessJwtCluster stateless, ITestOutputHelper output)
{
    [Fact]
    public async Task None_TokenReplayedAfterLogout_IsStillAccepted()
    {
        using var client = stateless.CreateClient("jwt");
        var token = await JwtPoolTests.LoginAsync(client, "alice");
        using var logout = await client.PostAsync("api/logout", null);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        var answer = await logout.JsonAsync();
        Assert.False(answer.GetProperty("revoked").GetBoolean());
        output.WriteLine(answer.GetProperty("note").GetString());

        using var replay = JwtPoolTests.Bearer(stateless, token);
        for (var i = 0; i < 4; i++)
        {
            using var me = await replay.GetAsync("api/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }
    }
}
