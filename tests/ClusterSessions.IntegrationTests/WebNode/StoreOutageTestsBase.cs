using System.Net;
using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// A <c>redis</c> node with <c>Session:StoreDown=Fail</c> (the default) through a real outage: the server stopped
/// (connection refused) or frozen with SIGSTOP (no answer at all). The node answers 503 with a JSON reason and
/// <c>Retry-After</c> within the 1 s command timeout, and recovers by itself once the server is back.
/// Every test leaves the server running.
/// </summary>
public abstract class StoreOutageTestsBase<TServer>(WebNodeFixture<TServer> fixture, ITestOutputHelper output)
    : WebNodeTestsBase<TServer>(fixture, output)
    where TServer : ServerFixture
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(10);

    private RedisNodeHost Node => Fixture.Node("redis-1", redis => new RedisNodeHost("redis", "redis-1", redis));

    [ServerFact]
    public async Task MeAndCart_ServerStoppedThenStarted_Answer503WithRetryAfterWithin2SecondsThenTheSameClientGets200Within10Seconds()
    {
        using var browser = new Browser();
        var client = browser.On(Node);
        await (await client.LoginAsync("alice")).ExpectAsync(HttpStatusCode.OK);
        await (await client.AddToCartAsync("pen", 3)).ExpectAsync(HttpStatusCode.OK);

        await WhileStoppedAsync(async () =>
        {
            var (me, elapsed) = await NodeApi.TimedAsync(() => client.MeAsync());
            Output.WriteLine($"{Fixture.Redis.Backend} stopped: GET api/me answered {(int)me.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
            await NodeApi.AssertStoreUnavailableAsync(me);
            Assert.True(elapsed < AnswerWithin, $"503 after {elapsed.TotalMilliseconds:F0} ms");
            await NodeApi.AssertStoreUnavailableAsync(await client.CartAsync());
        });

        var recovered = await NodeApi.WaitForStatusAsync(() => client.MeAsync(), HttpStatusCode.OK, RecoverWithin);
        Output.WriteLine($"{Fixture.Redis.Backend} started: GET api/me answered 200 again after {recovered.TotalMilliseconds:F0} ms");
        Assert.Equal("alice", await client.WhoAmIAsync());
        Assert.Equal(["penx3"], (await (await client.CartAsync()).ExpectAsync(HttpStatusCode.OK)).Skus());
    }

    [ServerFact]
    public async Task Health_ServerStopped_Answers503WithTheRedisCheckUnhealthyThen200AfterStart()
    {
        using var client = Node.CreateClient();
        var healthy = await (await client.HealthAsync()).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", healthy.GetProperty("checks").GetProperty("StackExchange.Redis").GetProperty("status").GetString());

        await WhileStoppedAsync(async () =>
        {
            var (health, elapsed) = await NodeApi.TimedAsync(client.HealthAsync);
            Output.WriteLine($"{Fixture.Redis.Backend} stopped: GET /health answered {(int)health.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
            var report = await health.ExpectAsync(HttpStatusCode.ServiceUnavailable);
            Output.WriteLine(report.ToString());
            Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("StackExchange.Redis").GetProperty("status").GetString());
        });

        await NodeApi.WaitForStatusAsync(() => client.HealthAsync(), HttpStatusCode.OK, RecoverWithin);
    }

    [ServerFact]
    public async Task Me_ServerFrozenThenThawed_Answers503WithRetryAfterWithin2SecondsThen200()
    {
        using var browser = new Browser();
        var client = browser.On(Node);
        await (await client.LoginAsync("carol")).ExpectAsync(HttpStatusCode.OK);

        await WhileFrozenAsync(async () =>
        {
            var (me, elapsed) = await NodeApi.TimedAsync(() => client.MeAsync());
            Output.WriteLine($"{Fixture.Redis.Backend} frozen: GET api/me answered {(int)me.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
            await NodeApi.AssertStoreUnavailableAsync(me);
            Assert.True(elapsed < AnswerWithin, $"503 after {elapsed.TotalMilliseconds:F0} ms");
        });

        var recovered = await NodeApi.WaitForStatusAsync(() => client.MeAsync(), HttpStatusCode.OK, RecoverWithin);
        Output.WriteLine($"{Fixture.Redis.Backend} thawed: GET api/me answered 200 again after {recovered.TotalMilliseconds:F0} ms");
        Assert.Equal("carol", await client.WhoAmIAsync());
    }
}

[TestServerKind(RedisBackend.RedisServer)]
public sealed class RedisServerStoreOutageTests(WebNodeFixture<RedisServerFixture> fixture, ITestOutputHelper output)
    : StoreOutageTestsBase<RedisServerFixture>(fixture, output), IClassFixture<WebNodeFixture<RedisServerFixture>>;

[TestServerKind(RedisBackend.Garnet)]
public sealed class GarnetStoreOutageTests(WebNodeFixture<GarnetFixture> fixture, ITestOutputHelper output)
    : StoreOutageTestsBase<GarnetFixture>(fixture, output), IClassFixture<WebNodeFixture<GarnetFixture>>;
