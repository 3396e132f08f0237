using System.Net;

namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>
/// One browser's visit to the cluster through the Try it view: the cookie jar the lab keeps for it (the
/// browser cannot hold cookies for the gateway's origin) and, per strategy, what it should see next.
/// </summary>
internal sealed class TryItSession(string id, DateTimeOffset now) : IDisposable
{
    private readonly Dictionary<string, TryItState> _states = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public CookieContainer Cookies { get; } = new();

    /// <summary>One click at a time per browser: the jar and the expectations change together.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DateTimeOffset LastUsed { get; set; } = now;

    /// <summary>Only under <see cref="Gate"/>.</summary>
    public TryItState State(string strategy)
    {
        if (!_states.TryGetValue(strategy, out var state))
        {
            state = new TryItState();
            _states[strategy] = state;
        }

        return state;
    }

    /// <summary>Forgets <paramref name="strategy"/>'s cookies (those scoped to its path) and expectations. Only under <see cref="Gate"/>.</summary>
    public void Reset(string strategy, Uri strategyUrl)
    {
        foreach (Cookie cookie in Cookies.GetCookies(strategyUrl))
        {
            cookie.Expired = true;
        }

        State(strategy).Reset();
    }

    public void Dispose() => Gate.Dispose();
}
