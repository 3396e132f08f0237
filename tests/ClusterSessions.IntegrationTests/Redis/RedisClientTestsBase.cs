using System.Text;
using System.Xml.Linq;
using ClusterSessions.IntegrationTests.Infrastructure;
using ClusterSessions.Redis;
using ClusterSessions.Redis.Caching;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Redis.DataProtection;
using ClusterSessions.Redis.Health;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ClusterSessions.IntegrationTests.Redis;

/// <summary>The client against a real server; runs once per server kind through the derived classes.</summary>
public abstract class RedisClientTestsBase<TFixture> : IAsyncLifetime
    where TFixture : ServerFixture
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private readonly TFixture _fixture;
    private readonly string _prefix = $"it:{Guid.NewGuid():N}:";
    private RedisClient? _client;

    protected RedisClientTestsBase(TFixture fixture)
    {
        _fixture = fixture;
    }

    private RedisClient Client => _client!;

    public Task InitializeAsync()
    {
        // Skipped tests still construct the class; only connect when the server runs.
        if (ServerAvailability.GetSkipReason(_fixture.Kind) is null)
        {
            _client = _fixture.Server.CreateClient();
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }

    [ServerFact]
    public async Task StringCommands_SetGetExistsDel_BehaveLikeRedis()
    {
        var key = _prefix + "s";

        Assert.True(await Client.SetAsync(key, "value"));
        Assert.Equal("value", await Client.GetStringAsync(key));
        Assert.True(await Client.ExistsAsync(key));
        Assert.Equal(2, await Client.ExistsAsync([key, key]));
        Assert.Equal(1, await Client.DelAsync([key, _prefix + "missing"]));
        Assert.Null(await Client.GetStringAsync(key));
        Assert.False(await Client.ExistsAsync(key));
    }

    [ServerFact]
    public async Task SetAsync_ExpiryAndConditions_BehaveLikeRedis()
    {
        var key = _prefix + "cond";

        Assert.False(await Client.SetAsync(key, "x", condition: SetCondition.IfExists));
        Assert.True(await Client.SetAsync(key, "first", TimeSpan.FromSeconds(30), SetCondition.IfNotExists));
        Assert.False(await Client.SetAsync(key, "second", condition: SetCondition.IfNotExists));
        Assert.Equal("first", await Client.GetStringAsync(key));
        Assert.InRange(await Client.PTtlAsync(key), 25_000, 30_000);

        Assert.True(await Client.PExpireAsync(key, TimeSpan.FromSeconds(100)));
        Assert.InRange(await Client.PTtlAsync(key), 95_000, 100_000);
        Assert.True(await Client.SetAsync(key, "third", condition: SetCondition.IfExists));
        Assert.Equal(-1, await Client.PTtlAsync(key));
        Assert.Equal(-2, await Client.PTtlAsync(_prefix + "missing"));
        Assert.False(await Client.PExpireAsync(_prefix + "missing", TimeSpan.FromSeconds(1)));
    }

    [ServerFact]
    public async Task SetAsync_BinaryAndLargeValues_RoundTripExactly()
    {
        var binary = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var large = new byte[1024 * 1024];
        new Random(7).NextBytes(large);

        await Client.SetAsync(_prefix + "bin", binary);
        await Client.SetAsync(_prefix + "large", large);

        Assert.Equal(binary, await Client.GetAsync(_prefix + "bin"));
        Assert.Equal(large, await Client.GetAsync(_prefix + "large"));
        await Client.SetAsync(_prefix + "text", "héllo € 😀");
        Assert.Equal("héllo € 😀", await Client.GetStringAsync(_prefix + "text"));
    }

    [ServerFact]
    public async Task IncrAsync_Counter_CountsUp()
    {
        var key = _prefix + "counter";

        Assert.Equal(1, await Client.IncrAsync(key));
        Assert.Equal(11, await Client.IncrByAsync(key, 10));
        Assert.Equal("11", await Client.GetStringAsync(key));
    }

    [ServerFact]
    public async Task ListCommands_RPushLRangeLLen_KeepOrder()
    {
        var key = _prefix + "list";

        Assert.Equal(1, await Client.RPushAsync(key, "a"));
        Assert.Equal(3, await Client.RPushAsync(key, ["b", "c"]));

        Assert.Equal(["a", "b", "c"], await Client.LRangeAsync(key, 0, -1));
        Assert.Equal(["b"], await Client.LRangeAsync(key, 1, 1));
        Assert.Equal(3, await Client.LLenAsync(key));
    }

    [ServerFact]
    public async Task SetCommands_SAddSRemSMembersSCard_BehaveLikeRedis()
    {
        var key = _prefix + "set";

        Assert.Equal(2, await Client.SAddAsync(key, ["x", "y"]));
        Assert.Equal(0, await Client.SAddAsync(key, "x"));
        Assert.Equal(2, await Client.SCardAsync(key));
        Assert.Equal(1, await Client.SRemAsync(key, "x"));
        Assert.Equal(["y"], await Client.SMembersAsync(key));
        Assert.Empty(await Client.SMembersAsync(_prefix + "missing"));
    }

    [ServerFact]
    public async Task HashCommands_HSetHGetHMGetHGetAllHDel_BehaveLikeRedis()
    {
        var key = _prefix + "hash";

        Assert.Equal(2, await Client.HSetAsync(key, [new("a", "1"), new("b", new byte[] { 0, 1 })]));
        Assert.Equal("1", await Client.HGetStringAsync(key, "a"));
        Assert.Equal(["1", null], (await Client.HMGetAsync(key, ["a", "zz"])).Select(v => v.AsString()));
        var all = await Client.HGetAllAsync(key);
        Assert.Equal(new byte[] { 0, 1 }, all["b"]);
        Assert.Equal(1, await Client.HDelAsync(key, "a"));
        Assert.Null(await Client.HGetAsync(key, "a"));
    }

    [ServerFact]
    public async Task ScanAsync_MatchAndCount_EnumeratesEveryMatchingKey()
    {
        var keys = Enumerable.Range(0, 250).Select(i => $"{_prefix}scan:{i}").ToHashSet();
        await Task.WhenAll(keys.Select(k => Client.SetAsync(k, "1")));
        await Client.SetAsync(_prefix + "other", "1");

        var found = new HashSet<string>();
        await foreach (var key in Client.ScanAsync($"{_prefix}scan:*", count: 50))
        {
            found.Add(key);
        }

        Assert.Equal(keys.Order(), found.Order());
    }

    [ServerFact]
    public async Task InfoAsync_ServerSection_ReturnsKeyValueText()
    {
        var info = await Client.InfoAsync("server");

        Assert.Contains("# Server", info, StringComparison.Ordinal);
        Assert.Contains("redis_version:", info, StringComparison.Ordinal);
    }

    [ServerFact]
    public async Task FlushDbAsync_SelectedDatabase_EmptiesOnlyThatDatabase()
    {
        await using var other = _fixture.Server.CreateClient(o => o.Database = 9);
        await other.SetAsync(_prefix + "in-9", "x");
        await Client.SetAsync(_prefix + "in-0", "x");
        Assert.Null(await Client.GetStringAsync(_prefix + "in-9"));

        await other.FlushDbAsync();

        Assert.Equal(0, await other.DbSizeAsync());
        Assert.Equal("x", await Client.GetStringAsync(_prefix + "in-0"));
    }

    [ServerFact]
    public async Task ExecuteAsync_64CallersTimes200Operations_EveryReplyMatchesItsCommand()
    {
        const int Callers = 64;
        const int Operations = 200;

        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var mismatches = 0;
            for (var op = 0; op < Operations; op++)
            {
                var key = $"{_prefix}p:{caller}:{op % 10}";
                var value = $"{caller}:{op}";
                switch (op % 4)
                {
                    case 0:
                        await Client.SetAsync(key, value);
                        mismatches += await Client.GetStringAsync(key) == value ? 0 : 1;
                        break;
                    case 1:
                        mismatches += (await Client.ExecuteAsync("ECHO", value)).AsString() == value ? 0 : 1;
                        break;
                    case 2:
                        mismatches += await Client.IncrAsync($"{_prefix}c:{caller}") == (op / 4) + 1 ? 0 : 1;
                        break;
                    default:
                        mismatches += await Client.ExistsAsync($"{_prefix}none:{caller}:{op}") ? 1 : 0;
                        break;
                }
            }

            return mismatches;
        }));
        var results = await Task.WhenAll(callers).WaitAsync(TestTimeout);

        Assert.All(results, mismatches => Assert.Equal(0, mismatches));
    }

    [ServerFact]
    public async Task ExecuteTransactionAsync_SessionAndUserIndex_AreWrittenTogether()
    {
        var session = _prefix + "session:abc";
        var index = _prefix + "user:alice:sessions";

        var replies = await Client.ExecuteTransactionAsync(
        [
            RedisCommands.Set(session, "{\"user\":\"alice\"}", TimeSpan.FromMinutes(20)),
            RedisCommands.SAdd(index, "abc"),
            RedisCommands.PExpire(index, TimeSpan.FromMinutes(20)),
        ]);

        Assert.Equal(["OK", "(integer) 1", "(integer) 1"], replies.Select(r => r.ToString()));
        Assert.Equal(["abc"], await Client.SMembersAsync(index));
        Assert.InRange(await Client.PTtlAsync(session), 1, 1_200_000);
    }

    [ServerFact]
    public async Task ExecuteAsync_WrongType_ThrowsServerExceptionAndTheConnectionStays()
    {
        var key = _prefix + "typed";
        await Client.RPushAsync(key, "x");

        var error = await Assert.ThrowsAsync<RedisServerException>(() => Client.GetStringAsync(key));

        Assert.Equal("WRONGTYPE", error.ErrorCode);
        Assert.Equal("PONG", await Client.PingAsync());
    }

    [ServerFact]
    public async Task RedisCache_SetGetRefreshRemove_UseServerTtl()
    {
        var cache = new RedisCache(Client, Options.Create(new RedisCacheOptions { InstanceName = _prefix }), TimeProvider.System);
        var options = new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
            SlidingExpiration = TimeSpan.FromMinutes(20),
        };

        await cache.SetAsync("entry", Encoding.UTF8.GetBytes("payload"), options);
        await Client.PExpireAsync(_prefix + "entry", TimeSpan.FromMinutes(5));
        Assert.Equal("payload", Encoding.UTF8.GetString((await cache.GetAsync("entry"))!));
        Assert.InRange(await Client.PTtlAsync(_prefix + "entry"), 1_190_000, 1_200_000);

        await Client.PExpireAsync(_prefix + "entry", TimeSpan.FromMinutes(5));
        await cache.RefreshAsync("entry");
        Assert.InRange(await Client.PTtlAsync(_prefix + "entry"), 1_190_000, 1_200_000);

        await cache.RemoveAsync("entry");
        Assert.Null(await cache.GetAsync("entry"));
    }

    [ServerFact]
    public async Task RedisXmlRepository_StoredKeys_ReadBackInOrderFromTheList()
    {
        var listKey = _prefix + "DataProtection-Keys";
        var repository = new RedisXmlRepository(Client, listKey);

        await Task.Run(() =>
        {
            repository.StoreElement(new XElement("key", new XAttribute("id", "k1"), new XElement("secret", "a&b")), "k1");
            repository.StoreElement(new XElement("key", new XAttribute("id", "k2")), "k2");
        });
        var elements = await Task.Run(repository.GetAllElements);

        Assert.Equal(["k1", "k2"], elements.Select(e => (string?)e.Attribute("id")));
        Assert.Equal("a&b", elements.First().Element("secret")!.Value);
        Assert.Equal(2, await Client.LLenAsync(listKey));
    }

    [ServerFact]
    public async Task RedisHealthCheck_ServerUp_IsHealthy()
    {
        var check = new RedisHealthCheck(Client);

        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("redis", check, HealthStatus.Unhealthy, null),
        });

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }
}
