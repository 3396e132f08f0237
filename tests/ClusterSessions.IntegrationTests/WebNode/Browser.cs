using System.Net;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// A browser: one cookie jar, used on whichever node answers (as behind a round-robin gateway). Its cookies can be
/// read, to copy them elsewhere, and planted, as an attacker would.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly Dictionary<RedisNodeHost, HttpClient> _clients = [];

    public CookieContainer Cookies { get; } = new();

    public HttpClient On(RedisNodeHost node)
    {
        if (!_clients.TryGetValue(node, out var client))
        {
            client = node.CreateClient(Cookies);
            _clients.Add(node, client);
        }

        return client;
    }

    /// <summary>The cookie's value as the node set it, or <see langword="null"/>.</summary>
    public string? Cookie(RedisNodeHost node, string name) => Cookies.GetCookies(node.BaseAddress)[name]?.Value;

    public void Plant(RedisNodeHost node, string name, string value) =>
        Cookies.Add(new Cookie(name, value, node.PathBase, node.BaseAddress.Host));

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
