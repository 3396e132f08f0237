using ClusterSessions.WebNode.Sessions.Local;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.WebNode.Sessions.Local;

public sealed class MemoryLoginIndexTests
{
    private readonly MemoryDistributedCache _cache = new(Options.Create(new MemoryDistributedCacheOptions()));

    [Fact]
    public async Task EndAllAsync_CountsOnlyLoginsStillInTheStoreAndRemovesThem()
    {
        var index = new MemoryLoginIndex(_cache);
        await _cache.SetAsync("login:a", [1]);
        await _cache.SetAsync("login:b", [1]);
        await index.AddAsync("carol", "login:a", default);
        await index.AddAsync("carol", "login:b", default);
        await index.AddAsync("carol", "login:gone", default);

        var ended = await index.EndAllAsync("carol", default);

        Assert.Equal(2, ended);
        Assert.Null(await _cache.GetAsync("login:a"));
        Assert.Equal(0, await index.EndAllAsync("carol", default));
    }

    [Fact]
    public async Task AddAsync_ManyLoginsThatAreGone_PrunesThemSoTheIndexStaysBounded()
    {
        var index = new MemoryLoginIndex(_cache);
        for (var i = 0; i < MemoryLoginIndex.PruneAbove; i++)
        {
            await index.AddAsync("dave", $"login:expired-{i}", default);
        }

        Assert.Equal(MemoryLoginIndex.PruneAbove, index.Listed("dave"));
        await _cache.SetAsync("login:live", [1]);

        await index.AddAsync("dave", "login:live", default);

        Assert.Equal(1, index.Listed("dave"));
    }
}
