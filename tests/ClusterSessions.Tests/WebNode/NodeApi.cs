using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClusterSessions.Tests.WebNode;

/// <summary>Requests against a node, with the session cookie passed by hand so a test controls which cookie goes where.</summary>
internal static class NodeApi
{
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, NodeCookies? cookie = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cookie);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, NodeCookies? cookie = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)), cookie);

    public static Task<HttpResponseMessage> PostJsonAsync(
        HttpClient client, string path, string json, NodeCookies? cookie = null, string contentType = "application/json") =>
        PostContentAsync(client, path, new StringContent(json, Encoding.UTF8, contentType), cookie);

    public static Task<HttpResponseMessage> PostContentAsync(HttpClient client, string path, HttpContent content, NodeCookies? cookie = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content }, cookie);

    /// <summary>Logs in and returns the cookies a client holds from then on (the new login cookie).</summary>
    public static async Task<NodeCookies> LoginAsync(HttpClient client, string user, NodeCookies? cookie = null)
    {
        using var response = await PostJsonAsync(client, "api/login", $$"""{"username":"{{user}}","password":"{{user}}-secret"}""", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return NodeCookies.FromLogin(LoginCookie(response) ?? throw new Xunit.Sdk.XunitException("login set no login cookie"));
    }

    public static async Task<HttpResponseMessage> AddToCartAsync(HttpClient client, NodeCookies cookie, string sku, int quantity) =>
        await PostJsonAsync(client, "api/cart/items", $$"""{"sku":"{{sku}}","quantity":{{quantity}}}""", cookie);

    /// <summary>The <c>Set-Cookie</c> header of the named cookie, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.LastOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The value the response sets for the login cookie, or null when it sets none.</summary>
    public static string? LoginCookie(HttpResponseMessage response) => CookieValue(response, WebNodeHost.LoginCookieName);

    /// <summary>The value the response sets for the session cookie (cart, visits), or null when it sets none.</summary>
    public static string? SessionCookie(HttpResponseMessage response) => CookieValue(response, WebNodeHost.SessionCookieName);

    private static string? CookieValue(HttpResponseMessage response, string name) =>
        SetCookie(response, name) is { } header ? header[(name.Length + 1)..].Split(';')[0] : null;

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 answer with the given status whose <c>error</c> member contains <paramref name="error"/>; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Contains(error, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        return body;
    }

    /// <summary>Sends the cookies, and keeps what the response sets in them, as a browser would.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, NodeCookies? cookie)
    {
        if (cookie is { Header.Length: > 0 })
        {
            request.Headers.Add("Cookie", cookie.Header);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.SendAsync(request);
        cookie?.Update(response);
        return response;
    }
}
