using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>
/// The Try it visits by browser, keyed by a lab cookie. Bounded: visits idle for <see cref="IdleTimeout"/> are
/// forgotten, and past <see cref="MaxSessions"/> the least recently used one goes.
/// </summary>
internal sealed class TryItSessions(TimeProvider timeProvider) : IDisposable
{
    public const string CookieName = "cs_try";
    public const int MaxSessions = 200;

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, TryItSession> _sessions = new(StringComparer.Ordinal);

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

    /// <summary>The browser's visit, or a new one (and its cookie on the response).</summary>
    public TryItSession For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (context.Request.Cookies[CookieName] is { } id && _sessions.TryGetValue(id, out var existing))
            {
                existing.LastUsed = now;
                return existing;
            }

            Evict(now);
            var session = new TryItSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now);
            _sessions[session.Id] = session;
            context.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/api/try",
                IsEssential = true,
            });
            return session;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }

            _sessions.Clear();
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var idle in _sessions.Values.Where(s => now - s.LastUsed > IdleTimeout).ToList())
        {
            _sessions.Remove(idle.Id);
        }

        while (_sessions.Count >= MaxSessions)
        {
            _sessions.Remove(_sessions.Values.MinBy(s => s.LastUsed)!.Id);
        }
    }
}
