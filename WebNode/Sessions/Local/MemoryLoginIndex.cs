using System.Collections.Concurrent;
using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.Extensions.Caching.Distributed;

namespace ClusterSessions.WebNode.Sessions.Local;

/// <summary>The logins this node holds, per user: "log out everywhere" on a node-memory strategy reaches only this node.</summary>
internal sealed class MemoryLoginIndex(IDistributedCache cache) : ILoginIndex
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _logins = new(StringComparer.Ordinal);

    public string Scope => "node";

    public Task AddAsync(string user, string ticketKey, CancellationToken cancellationToken)
    {
        _logins.GetOrAdd(user, _ => new(StringComparer.Ordinal))[ticketKey] = 0;
        return Task.CompletedTask;
    }

    public async Task<int> EndAllAsync(string user, CancellationToken cancellationToken)
    {
        if (!_logins.TryRemove(user, out var keys))
        {
            return 0;
        }

        var ended = 0;
        foreach (var key in keys.Keys)
        {
            // Logins that expired or were logged out meanwhile are not counted as ended.
            if (await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
            {
                ended++;
                await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            }
        }

        return ended;
    }
}
