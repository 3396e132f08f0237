using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Local;

/// <summary>
/// Sessions in this process's memory, with sliding expiration. Nothing is shared: another node, or this node
/// after a restart, knows none of them.
/// </summary>
internal sealed class MemorySessionStore(TimeProvider timeProvider, IOptions<SessionStrategyOptions> options) : ISessionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly TimeSpan _idleTimeout = options.Value.IdleTimeout;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public string Scope => "node";

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Count;
            }
        }
    }

    public Task<SessionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_sessions.TryGetValue(id, out var entry))
            {
                return Task.FromResult<SessionRecord?>(null);
            }

            if (entry.ExpiresAt <= now)
            {
                _sessions.Remove(id);
                return Task.FromResult<SessionRecord?>(null);
            }

            entry.ExpiresAt = now + _idleTimeout;
            return Task.FromResult<SessionRecord?>(entry.Record);
        }
    }

    public Task SetAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            SweepExpired(now);
            _sessions[record.Id] = new Entry(record) { ExpiresAt = now + _idleTimeout };
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sessions.Remove(record.Id);
        }

        return Task.CompletedTask;
    }

    public Task<int> RemoveAllForUserAsync(string user, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var ids = _sessions.Where(s => s.Value.Record.User == user).Select(s => s.Key).ToList();
            ids.ForEach(id => _sessions.Remove(id));
            return Task.FromResult(ids.Count);
        }
    }

    /// <summary>Drops expired entries at most once a minute, so abandoned sessions do not pile up.</summary>
    private void SweepExpired(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var expired in _sessions.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
        {
            _sessions.Remove(expired);
        }
    }

    private sealed class Entry(SessionRecord record)
    {
        public SessionRecord Record { get; } = record;

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
