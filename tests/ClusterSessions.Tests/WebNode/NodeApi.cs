using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClusterSessions.Tests.WebNode;

/// <summary>Requests against a node, with the session cookie passed by hand so a test controls which cookie goes where.</summary>
internal static class NodeApi
{
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? cookie = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cookie);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? cookie = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)), cookie);

    public static Task<HttpResponseMessage> PostJsonAsync(
        HttpClient client, string path, string json, string? cookie = null, string contentType = "application/json") =>
        PostContentAsync(client, path, new StringContent(json, Encoding.UTF8, contentType), cookie);

    public static Task<HttpResponseMessage> PostContentAsync(HttpClient client, string path, HttpContent content, string? cookie = null) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content }, cookie);

    /// <summary>Logs in and returns the session cookie's value.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string user, string? cookie = null)
    {
        using var response = await PostJsonAsync(client, "api/login", $$"""{"username":"{{user}}","password":"{{user}}-secret"}""", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SessionCookie(response) ?? throw new Xunit.Sdk.XunitException("login set no session cookie");
    }

    public static async Task<HttpResponseMessage> AddToCartAsync(HttpClient client, string cookie, string sku, int quantity) =>
        await PostJsonAsync(client, "api/cart/items", $$"""{"sku":"{{sku}}","quantity":{{quantity}}}""", cookie);

    /// <summary>The <c>Set-Cookie</c> header of the session cookie, or null.</summary>
    public static string? SessionSetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.SingleOrDefault(v => v.StartsWith(WebNodeHost.CookieName + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The value the response sets for the session cookie, or null when it sets none.</summary>
    public static string? SessionCookie(HttpResponseMessage response) =>
        SessionSetCookie(response) is { } header
            ? header[(WebNodeHost.CookieName.Length + 1)..].Split(';')[0]
            : null;

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

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string? cookie)
    {
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{WebNodeHost.CookieName}={cookie}");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client.SendAsync(request);
    }
}
