using System.Net;
using System.Text;
using ClusterSessions.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// The <c>redis</c> pool against a real Redis: what it writes there (the stock RedisCache and Data Protection layouts)
/// and that two nodes sharing it behave as one (key ring, tickets, logout, logout-all, fixation). Runs once per server
/// kind through the derived classes; the two nodes are shared by the class, each test uses fresh logins.
/// </summary>
public abstract class RedisSessionTestsBase<TServer>(WebNodeFixture<TServer> fixture, ITestOutputHelper output)
    : WebNodeTestsBase<TServer>(fixture, output)
    where TServer : ServerFixture
{
    // The layout Microsoft.Extensions.Caching.StackExchangeRedis writes: one hash per entry.
    private static readonly string[] CacheEntryFields = ["absexp", "data", "sldexp"];

    private RedisNodeHost Node1 => Fixture.Node("redis-1", redis => new RedisNodeHost("redis", "redis-1", redis));

    private RedisNodeHost Node2 => Fixture.Node("redis-2", redis => new RedisNodeHost("redis", "redis-2", redis));

    [ServerFact]
    public async Task LoginAndCartAdd_RedisStrategy_StoresTicketAndSessionAsHashesWithExactlyAbsexpSldexpData()
    {
        await using var redis = await ConnectAsync();
        var database = redis.GetDatabase();
        using var browser = new Browser();

        var ticketKey = await LoginAndFindTicketKeyAsync(database, browser.On(Node1), "bob");
        await (await browser.On(Node1).AddToCartAsync("pen")).ExpectAsync(HttpStatusCode.OK);
        var sessionKey = "cs:" + ReadSessionId(Node1, browser.Cookie(Node1, RedisNodeHost.SessionCookieName)!);
        Output.WriteLine($"ticket {ticketKey}, session {sessionKey}");

        Assert.StartsWith("cs:login:", ticketKey, StringComparison.Ordinal);
        Assert.Matches("^cs:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", sessionKey);
        foreach (var key in (string[])[ticketKey, sessionKey])
        {
            Assert.Equal(RedisType.Hash, await database.KeyTypeAsync(key));
            var entry = await database.HashGetAllAsync(key);
            Assert.Equal(CacheEntryFields, entry.Select(field => (string)field.Name!).Order(StringComparer.Ordinal));
            // Sliding only (the idle timeout, 20 min, in ticks); no absolute expiry (-1); a TTL so Redis drops it.
            Assert.Equal(TimeSpan.FromMinutes(20).Ticks, (long)entry.Single(f => f.Name == "sldexp").Value);
            Assert.Equal(-1, (long)entry.Single(f => f.Name == "absexp").Value);
            Assert.InRange(await database.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero, TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20));
        }
    }

    [ServerFact]
    public async Task Login_AnyNode_KeepsTheKeyRingAsTheDataProtectionKeysListWithAtLeastOneKey()
    {
        using var browser = new Browser();
        await (await browser.On(Node1).LoginAsync("alice")).ExpectAsync(HttpStatusCode.OK);

        await using var redis = await ConnectAsync();
        var database = redis.GetDatabase();
        Assert.Equal(RedisType.List, await database.KeyTypeAsync("DataProtection-Keys"));
        var keys = await database.ListRangeAsync("DataProtection-Keys");
        Output.WriteLine($"DataProtection-Keys: {keys.Length} element(s)");
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.StartsWith("<key ", (string?)key, StringComparison.Ordinal));
    }

    [ServerFact]
    public async Task LoginCookie_MadeOnNode1_IsReadOnNode2WithTheSameUserAndCart()
    {
        using var browser = new Browser();
        await (await browser.On(Node1).LoginAsync("alice")).ExpectAsync(HttpStatusCode.OK);
        await (await browser.On(Node1).AddToCartAsync("pen", 2)).ExpectAsync(HttpStatusCode.OK);

        var me = await (await browser.On(Node2).MeAsync()).ExpectAsync(HttpStatusCode.OK);
        var cartOnNode2 = await (await browser.On(Node2).CartAsync()).ExpectAsync(HttpStatusCode.OK);
        await (await browser.On(Node2).AddToCartAsync("ink")).ExpectAsync(HttpStatusCode.OK);
        var cartOnNode1 = await (await browser.On(Node1).CartAsync()).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("alice", me.GetProperty("user").GetString());
        Assert.Equal("redis-2", me.GetProperty("node").GetString());
        Assert.Equal("redis", me.GetProperty("strategy").GetString());
        Assert.Equal(["penx2"], cartOnNode2.Skus());
        Assert.Equal(["penx2", "inkx1"], cartOnNode1.Skus());
    }

    [ServerFact]
    public async Task Logout_OnNode1_RemovesTheTicketSoACopiedLoginCookieGets401OnBothNodes()
    {
        await using var redis = await ConnectAsync();
        var database = redis.GetDatabase();
        using var browser = new Browser();
        var ticketKey = await LoginAndFindTicketKeyAsync(database, browser.On(Node1), "bob");
        var copy = browser.Cookie(Node1, RedisNodeHost.LoginCookieName)!;
        using var elsewhere1 = Node1.CreateClient();
        using var elsewhere2 = Node2.CreateClient();
        await (await elsewhere2.MeWithLoginCookieAsync(copy)).ExpectAsync(HttpStatusCode.OK);

        await (await browser.On(Node1).LogoutAsync()).ExpectAsync(HttpStatusCode.NoContent);

        Assert.False(await database.KeyExistsAsync(ticketKey));
        await (await elsewhere1.MeWithLoginCookieAsync(copy)).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await elsewhere2.MeWithLoginCookieAsync(copy)).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("401", await browser.On(Node2).WhoAmIAsync());
    }

    [ServerFact]
    public async Task LogoutAll_TwoLoginsOfCarolAndOneOfAlice_EndsCarolsOnBothNodesAndAliceKeepsWorking()
    {
        using var carolOnNode1 = new Browser();
        using var carolOnNode2 = new Browser();
        using var alice = new Browser();
        await (await carolOnNode1.On(Node1).LoginAsync("carol")).ExpectAsync(HttpStatusCode.OK);
        await (await carolOnNode2.On(Node2).LoginAsync("carol")).ExpectAsync(HttpStatusCode.OK);
        await (await alice.On(Node1).LoginAsync("alice")).ExpectAsync(HttpStatusCode.OK);
        // The browser that logs out everywhere loses its cookie; a copy shows whether its login still exists.
        var copies = new[] { carolOnNode1.Cookie(Node1, RedisNodeHost.LoginCookieName)!, carolOnNode2.Cookie(Node2, RedisNodeHost.LoginCookieName)! };

        var outcome = await (await carolOnNode2.On(Node2).LogoutAllAsync()).ExpectAsync(HttpStatusCode.OK);

        Output.WriteLine($"logout-all: {outcome}");
        Assert.True(outcome.GetProperty("ended").GetInt32() >= 2, $"ended: {outcome.GetProperty("ended")}");
        Assert.Equal("cluster", outcome.GetProperty("scope").GetString());
        using var bare1 = Node1.CreateClient();
        using var bare2 = Node2.CreateClient();
        foreach (var copy in copies)
        {
            await (await bare1.MeWithLoginCookieAsync(copy)).ExpectAsync(HttpStatusCode.Unauthorized);
            await (await bare2.MeWithLoginCookieAsync(copy)).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal("401", await carolOnNode1.On(Node1).WhoAmIAsync());
        Assert.Equal("alice", await alice.On(Node1).WhoAmIAsync());
        Assert.Equal("alice", await alice.On(Node2).WhoAmIAsync());
    }

    [ServerFact]
    public async Task Login_WithAPlantedValidLoginCookieOfAnotherUser_StoresANewKeyAndThePlantedCopyGets401()
    {
        await using var redis = await ConnectAsync();
        var database = redis.GetDatabase();
        using var attacker = new Browser();
        var plantedTicketKey = await LoginAndFindTicketKeyAsync(database, attacker.On(Node1), "bob");
        var planted = attacker.Cookie(Node1, RedisNodeHost.LoginCookieName)!;
        using var victim = new Browser();
        victim.Plant(Node1, RedisNodeHost.LoginCookieName, planted);
        Assert.Equal("bob", await victim.On(Node2).WhoAmIAsync());

        var victimTicketKey = await LoginAndFindTicketKeyAsync(database, victim.On(Node2), "alice");

        Assert.NotEqual(plantedTicketKey, victimTicketKey);
        Assert.NotEqual(planted, victim.Cookie(Node1, RedisNodeHost.LoginCookieName));
        Assert.False(await database.KeyExistsAsync(plantedTicketKey));
        Assert.True(await database.KeyExistsAsync(victimTicketKey));
        using var bare1 = Node1.CreateClient();
        using var bare2 = Node2.CreateClient();
        await (await bare1.MeWithLoginCookieAsync(planted)).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await bare2.MeWithLoginCookieAsync(planted)).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("alice", await victim.On(Node1).WhoAmIAsync());
    }

    /// <summary>Logs in and returns the Redis key of the new ticket: the one member the user's login index gained.</summary>
    private static async Task<string> LoginAndFindTicketKeyAsync(IDatabase database, HttpClient client, string user)
    {
        var index = $"cs:user-logins:{user}";
        var before = (await database.SetMembersAsync(index)).Select(m => (string)m!).ToHashSet(StringComparer.Ordinal);
        await (await client.LoginAsync(user)).ExpectAsync(HttpStatusCode.OK);
        var added = (await database.SetMembersAsync(index)).Select(m => (string)m!).Where(m => !before.Contains(m)).ToList();
        Assert.Single(added);
        return "cs:" + added[0];
    }

    /// <summary>The session id the <c>cs_session</c> cookie carries, unprotected the way the session middleware does it.</summary>
    private static string ReadSessionId(RedisNodeHost node, string cookie)
    {
        var protector = node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SessionMiddleware");
        var base64 = Uri.UnescapeDataString(cookie);
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        return Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(base64)));
    }
}

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerRedisSessionTests(WebNodeFixture<RedisServerFixture> fixture, ITestOutputHelper output)
    : RedisSessionTestsBase<RedisServerFixture>(fixture, output), IClassFixture<WebNodeFixture<RedisServerFixture>>;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetRedisSessionTests(WebNodeFixture<GarnetFixture> fixture, ITestOutputHelper output)
    : RedisSessionTestsBase<GarnetFixture>(fixture, output), IClassFixture<WebNodeFixture<GarnetFixture>>;
