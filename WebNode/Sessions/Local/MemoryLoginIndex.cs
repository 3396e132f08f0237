using System.Collections.Concurrent;
using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.Extensions.Caching.Distributed;

namespace ClusterSessions.WebNode.Sessions.Local;

/// <summary>The logins this node holds, per user: "log out everywhere" on a node-memory strategy reaches only this node.</summary>
internal sealed class MemoryLoginIndex(IDistributedCache cache) : ILoginIndex
{
    /// <summary>A user with more listed logins than this has expired ones pruned at the next login, so the index stays bounded.</summary>
    public const int PruneAbove = 64;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _logins = new(StringComparer.Ordinal);

    public string Scope => "node";

    /// <summary>How many login keys are listed for <paramref name="user"/>, live or not.</summary>
    public int Listed(string user) => _logins.TryGetValue(user, out var keys) ? keys.Count : 0;

    public async Task AddAsync(string user, string ticketKey, CancellationToken cancellationToken)
    {
        var keys = _logins.GetOrAdd(user, _ => new(StringComparer.Ordinal));
        keys[ticketKey] = 0;
        if (keys.Count <= PruneAbove)
        {
            return;
        }

        // Logins that expired or were logged out leave their key behind; drop those.
        foreach (var key in keys.Keys)
        {
            if (await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is null)
            {
                keys.TryRemove(key, out _);
            }
        }
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
