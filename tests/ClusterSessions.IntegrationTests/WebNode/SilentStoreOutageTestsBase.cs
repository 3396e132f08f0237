using System.Net;
using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// A <c>redis</c> node with <c>Session:StoreDown=Silent</c>, ASP.NET Core's stock behaviour, through a real outage:
/// no 503 anywhere, the node behaves as if Redis were empty (the login looks absent, the session starts over), and
/// nothing was lost in Redis: once the server is back the same browser finds its login, cart and visits again.
/// Every test leaves the server running.
/// </summary>
public abstract class SilentStoreOutageTestsBase<TServer>(WebNodeFixture<TServer> fixture, ITestOutputHelper output)
    : WebNodeTestsBase<TServer>(fixture, output)
    where TServer : ServerFixture
{
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(10);

    private RedisNodeHost Node => Fixture.Node("redis-silent", redis =>
        new RedisNodeHost("redis", "redis-silent", redis, new Dictionary<string, string?> { ["Session:StoreDown"] = "Silent" }));

    [ServerFact]
    public async Task Me_ServerStoppedWithStoreDownSilent_Answers401ThenTheSameLoginAnswers200AfterStart()
    {
        using var browser = new Browser();
        var client = browser.On(Node);
        await (await client.LoginAsync("alice")).ExpectAsync(HttpStatusCode.OK);
        var cookie = browser.Cookie(Node, RedisNodeHost.LoginCookieName);

        await WhileStoppedAsync(async () =>
        {
            var problem = await (await client.MeAsync()).ExpectAsync(HttpStatusCode.Unauthorized);
            Output.WriteLine($"{Fixture.Redis.Backend} stopped: GET api/me: 401 {problem}");
            Assert.Equal("not logged in", problem.GetProperty("error").GetString());
            // The node did not drop the cookie: the login is invisible, not ended.
            Assert.Equal(cookie, browser.Cookie(Node, RedisNodeHost.LoginCookieName));
        });

        await NodeApi.WaitForStatusAsync(() => client.MeAsync(), HttpStatusCode.OK, RecoverWithin);
        Assert.Equal("alice", await client.WhoAmIAsync());
    }

    [ServerFact]
    public async Task CartAdd_ServerStoppedWithStoreDownSilent_Answers401ThenTheCartIsBackUnchangedAfterStart()
    {
        using var browser = new Browser();
        var client = browser.On(Node);
        await (await client.LoginAsync("bob")).ExpectAsync(HttpStatusCode.OK);
        await (await client.AddToCartAsync("pen")).ExpectAsync(HttpStatusCode.OK);

        await WhileStoppedAsync(async () =>
        {
            var problem = await (await client.AddToCartAsync("ink")).ExpectAsync(HttpStatusCode.Unauthorized);
            Output.WriteLine($"{Fixture.Redis.Backend} stopped: POST api/cart/items: 401 {problem}");
            await (await client.CartAsync()).ExpectAsync(HttpStatusCode.Unauthorized);
        });

        await NodeApi.WaitForStatusAsync(() => client.MeAsync(), HttpStatusCode.OK, RecoverWithin);
        Assert.Equal(["penx1"], (await (await client.CartAsync()).ExpectAsync(HttpStatusCode.OK)).Skus());
    }

    [ServerFact]
    public async Task Visits_ServerStoppedWithStoreDownSilent_Answers200WithCount1ThenTheStoredCountResumesAfterStart()
    {
        using var browser = new Browser();
        var client = browser.On(Node);
        Assert.Equal(1, await CountAsync(client));
        Assert.Equal(2, await CountAsync(client));

        await WhileStoppedAsync(async () =>
        {
            // A session that looks empty: the count restarts, and the write is dropped.
            Assert.Equal(1, await CountAsync(client));
            Assert.Equal(1, await CountAsync(client));
            var health = await client.HealthAsync();
            Output.WriteLine($"{Fixture.Redis.Backend} stopped: visits 1, 1; /health {(int)health.StatusCode}");
            await health.ExpectAsync(HttpStatusCode.ServiceUnavailable);
        });

        await NodeApi.WaitForStatusAsync(() => client.HealthAsync(), HttpStatusCode.OK, RecoverWithin);
        Assert.Equal(3, await CountAsync(client));
    }

    private static async Task<long> CountAsync(HttpClient client) =>
        (await (await client.VisitsAsync()).ExpectAsync(HttpStatusCode.OK)).GetProperty("count").GetInt64();
}

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerSilentStoreOutageTests(WebNodeFixture<RedisServerFixture> fixture, ITestOutputHelper output)
    : SilentStoreOutageTestsBase<RedisServerFixture>(fixture, output), IClassFixture<WebNodeFixture<RedisServerFixture>>;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetSilentStoreOutageTests(WebNodeFixture<GarnetFixture> fixture, ITestOutputHelper output)
    : SilentStoreOutageTestsBase<GarnetFixture>(fixture, output), IClassFixture<WebNodeFixture<GarnetFixture>>;
