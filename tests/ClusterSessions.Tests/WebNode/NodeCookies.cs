namespace ClusterSessions.Tests.WebNode;

/// <summary>
/// The cookies of one browser-like client, passed by hand so a test controls which cookies go where: the login
/// cookie, and the session cookie once a response sets it. A string converts to "this login cookie value".
/// </summary>
internal sealed class NodeCookies
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Login => _values.GetValueOrDefault(WebNodeHost.LoginCookieName);

    public string? Session => _values.GetValueOrDefault(WebNodeHost.SessionCookieName);

    public string Header => string.Join("; ", _values.Select(c => $"{c.Key}={c.Value}"));

    public static implicit operator NodeCookies(string loginCookieValue) => FromLogin(loginCookieValue);

    public static NodeCookies FromLogin(string loginCookieValue) => With(WebNodeHost.LoginCookieName, loginCookieValue);

    public static NodeCookies With(string name, string value)
    {
        var cookies = new NodeCookies();
        cookies._values[name] = value;
        return cookies;
    }

    /// <summary>Takes the response's <c>Set-Cookie</c> headers, as a browser would (an expired one is dropped).</summary>
    public void Update(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        foreach (var header in headers)
        {
            var pair = header.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..equals], pair[(equals + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }
}
