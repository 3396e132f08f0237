using System.Net;
using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.WebNode.Sessions.Jwt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// The <c>jwt</c> pool with <c>Jwt:Revocation=DenyList</c> against a real Redis: logout and logout-all take effect on
/// another node at once, and a Redis outage answers 503 (FailClosed) or lets tokens through (FailOpen). Two nodes
/// share one ES256 key; clients send <c>Authorization: Bearer</c>. Every test leaves the server running.
/// </summary>
public abstract class JwtDenyListTestsBase<TServer>(WebNodeFixture<TServer> fixture, ITestOutputHelper output)
    : WebNodeTestsBase<TServer>(fixture, output)
    where TServer : ServerFixture
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(10);

    private RedisNodeHost Node1 => Fixture.Node("jwt-1", redis => new RedisNodeHost("jwt", "jwt-1", redis, RedisNodeHost.JwtSettings(Fixture.JwtKey)));

    private RedisNodeHost Node2 => Fixture.Node("jwt-2", redis => new RedisNodeHost("jwt", "jwt-2", redis, RedisNodeHost.JwtSettings(Fixture.JwtKey)));

    private RedisNodeHost FailOpenNode => Fixture.Node("jwt-open", redis =>
        new RedisNodeHost("jwt", "jwt-open", redis, RedisNodeHost.JwtSettings(Fixture.JwtKey, "FailOpen")));

    [ServerFact]
    public async Task Logout_DenyList_StoresTheJtiUntilTheTokenExpiresAndNode2RefusesTheOldToken()
    {
        using var client1 = Node1.CreateClient();
        using var client2 = Node2.CreateClient();
        var token = await LoginAsync(client1, "alice");
        Assert.Equal("alice", await client2.WhoAmIAsync(token));

        await (await client1.LogoutAsync(token)).ExpectAsync(HttpStatusCode.NoContent);

        await using var redis = await ConnectAsync();
        var key = $"cs:jwt:revoked:{new JsonWebToken(token).Id}";
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        var options = Node1.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        Output.WriteLine($"{key}: TTL {ttl}; token lifetime {options.AccessTokenLifetime} + skew {options.ClockSkew}");
        Assert.True(await redis.GetDatabase().KeyExistsAsync(key));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, options.AccessTokenLifetime - TimeSpan.FromMinutes(1), options.AccessTokenLifetime + options.ClockSkew);
        var refused = await (await client2.MeAsync(token)).ExpectAsync(HttpStatusCode.Unauthorized);
        Output.WriteLine($"jwt-2 after logout: {refused}");
        Assert.Equal("401", await client1.WhoAmIAsync(token));
    }

    [ServerFact]
    public async Task LogoutAll_DenyList_RefusesEveryEarlierTokenOfTheUserOnBothNodesAndNotOtherUsers()
    {
        using var client1 = Node1.CreateClient();
        using var client2 = Node2.CreateClient();
        var first = await LoginAsync(client1, "bob");
        var second = await LoginAsync(client2, "bob");
        var reissued = (await (await client1.AddToCartAsync("pen", bearer: first)).ExpectAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
        var carol = await LoginAsync(client2, "carol");
        Assert.Equal("bob", await client2.WhoAmIAsync(reissued));

        var outcome = await (await client2.LogoutAllAsync(second)).ExpectAsync(HttpStatusCode.OK);

        Output.WriteLine($"logout-all: {outcome}");
        Assert.Equal("cluster", outcome.GetProperty("scope").GetString());
        await using var redis = await ConnectAsync();
        Assert.True(await redis.GetDatabase().KeyExistsAsync("cs:jwt:not-before:bob"));
        foreach (var client in (HttpClient[])[client1, client2])
        {
            foreach (var token in (string[])[first, second, reissued])
            {
                await (await client.MeAsync(token)).ExpectAsync(HttpStatusCode.Unauthorized);
            }

            Assert.Equal("carol", await client.WhoAmIAsync(carol));
        }
    }

    [ServerFact]
    public async Task LogoutAll_ThenLoginRightAway_TheNewTokenWorksOnBothNodes()
    {
        using var client1 = Node1.CreateClient();
        using var client2 = Node2.CreateClient();
        var before = await LoginAsync(client1, "alice");

        // Within the same second as the logout-all, most of the time: tokens carry whole seconds.
        (await (await client1.LogoutAllAsync(before)).ExpectAsync(HttpStatusCode.OK)).GetRawText();
        var after = await LoginAsync(client2, "alice");

        foreach (var client in (HttpClient[])[client1, client2])
        {
            Assert.Equal("alice", await client.WhoAmIAsync(after));
            await (await client.MeAsync(before)).ExpectAsync(HttpStatusCode.Unauthorized);
        }
    }

    [ServerFact]
    public async Task MeAndLogout_RedisStoppedWithFailClosed_Answer503WithRetryAfterWithin2Seconds()
    {
        using var client = Node1.CreateClient();
        var token = await LoginAsync(client, "carol");
        Assert.Equal("carol", await client.WhoAmIAsync(token));

        await WhileStoppedAsync(async () =>
        {
            var (me, elapsed) = await NodeApi.TimedAsync(() => client.MeAsync(token));
            Output.WriteLine($"{Fixture.Redis.Backend} stopped, FailClosed: GET api/me answered {(int)me.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
            await NodeApi.AssertStoreUnavailableAsync(me);
            Assert.True(elapsed < AnswerWithin, $"503 after {elapsed.TotalMilliseconds:F0} ms");
            // A logout that cannot be recorded must not look like it worked.
            await NodeApi.AssertStoreUnavailableAsync(await client.LogoutAsync(token));
        });

        await NodeApi.WaitForStatusAsync(() => client.MeAsync(token), HttpStatusCode.OK, RecoverWithin);
    }

    [ServerFact]
    public async Task Me_RedisStoppedWithFailOpen_Answers200()
    {
        using var issuer = Node1.CreateClient();
        using var client = FailOpenNode.CreateClient();
        var token = await LoginAsync(issuer, "carol");
        Assert.Equal("carol", await client.WhoAmIAsync(token));

        await WhileStoppedAsync(async () =>
        {
            var (me, elapsed) = await NodeApi.TimedAsync(() => client.MeAsync(token));
            Output.WriteLine($"{Fixture.Redis.Backend} stopped, FailOpen: GET api/me answered {(int)me.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
            var body = await me.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("carol", body.GetProperty("user").GetString());
            Assert.Equal("jwt-open", body.GetProperty("node").GetString());
        });
    }

    [ServerFact]
    public async Task Health_DenyListNodeWithRedisStopped_Answers503WithTheRedisCheckUnhealthy()
    {
        using var client = Node2.CreateClient();
        var healthy = await (await client.HealthAsync()).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", healthy.GetProperty("checks").GetProperty("StackExchange.Redis").GetProperty("status").GetString());

        await WhileStoppedAsync(async () =>
        {
            var report = await (await client.HealthAsync()).ExpectAsync(HttpStatusCode.ServiceUnavailable);
            Output.WriteLine($"{Fixture.Redis.Backend} stopped: /health {report}");
            Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("StackExchange.Redis").GetProperty("status").GetString());
        });

        await NodeApi.WaitForStatusAsync(() => client.HealthAsync(), HttpStatusCode.OK, RecoverWithin);
    }

    private static async Task<string> LoginAsync(HttpClient client, string user) =>
        (await (await client.LoginAsync(user)).ExpectAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
}

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerJwtDenyListTests(WebNodeFixture<RedisServerFixture> fixture, ITestOutputHelper output)
    : JwtDenyListTestsBase<RedisServerFixture>(fixture, output), IClassFixture<WebNodeFixture<RedisServerFixture>>;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetJwtDenyListTests(WebNodeFixture<GarnetFixture> fixture, ITestOutputHelper output)
    : JwtDenyListTestsBase<GarnetFixture>(fixture, output), IClassFixture<WebNodeFixture<GarnetFixture>>;
