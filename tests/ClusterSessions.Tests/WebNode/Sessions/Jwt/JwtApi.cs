using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>Requests against a jwt node, the token sent by hand as <c>Authorization: Bearer</c> or as the token cookie.</summary>
internal static class JwtApi
{
    public const string UnauthorizedError = "not logged in";

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? bearer = null, string? cookies = null) =>
        SendAsync(client, HttpMethod.Get, path, bearer, cookies);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? bearer = null, string? json = null, string? cookies = null) =>
        SendAsync(client, HttpMethod.Post, path, bearer, cookies, json);

    /// <summary>Logs in and returns the token of the response body.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string user = "alice")
    {
        using var response = await PostAsync(client, "api/login", json: $$"""{"username":"{{user}}","password":"{{user}}-secret"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("token").GetString()!;
    }

    public static Task<HttpResponseMessage> AddToCartAsync(HttpClient client, string token, string sku, int quantity = 1) =>
        PostAsync(client, "api/cart/items", token, $$"""{"sku":"{{sku}}","quantity":{{quantity}}}""");

    /// <summary>The cart a token reads, as (sku, quantity) pairs.</summary>
    public static async Task<List<(string Sku, int Quantity)>> ReadCartAsync(HttpClient client, string token)
    {
        using var response = await GetAsync(client, "api/cart", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Items(await ReadJsonAsync(response));
    }

    public static List<(string Sku, int Quantity)> Items(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("sku").GetString()!, i.GetProperty("quantity").GetInt32()))];

    /// <summary>The user <c>/api/me</c> reports for the token (asserting 200).</summary>
    public static async Task<string> MeAsync(HttpClient client, string token)
    {
        using var response = await GetAsync(client, "api/me", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("user").GetString()!;
    }

    /// <summary>The value the response sets for the named cookie, or null when it sets none.</summary>
    public static string? CookieValue(HttpResponseMessage response, string name) =>
        SetCookie(response, name) is { } header ? header[(name.Length + 1)..].Split(';')[0] : null;

    /// <summary>The whole <c>Set-Cookie</c> header of the named cookie, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.LastOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    public static string TokenBytes(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Token-Bytes", out var values) ? string.Join(",", values) : "(none)";

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Asserts the refusal of a presented token: 401, <c>WWW-Authenticate: Bearer error="invalid_token",
    /// error_description="…"</c> with exactly <paramref name="description"/>, and a problem body saying the same.
    /// </summary>
    public static async Task AssertRejectedAsync(HttpResponseMessage response, string description)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{description}\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Equal(UnauthorizedError, body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("detail").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string? bearer, string? cookies, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            // Without validation: the tests send malformed tokens on purpose.
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }
}
