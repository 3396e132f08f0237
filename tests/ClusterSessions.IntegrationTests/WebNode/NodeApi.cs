using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>The contract's calls, relative to a node's path base, and JSON reading for the assertions.</summary>
public static class NodeApi
{
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string user) =>
        client.PostAsync("api/login", Json($$"""{"username":"{{user}}","password":"{{user}}-secret"}"""));

    public static Task<HttpResponseMessage> AddToCartAsync(this HttpClient client, string sku, int quantity = 1, string? bearer = null) =>
        client.SendAsync(Request(HttpMethod.Post, "api/cart/items", bearer, Json($$"""{"sku":"{{sku}}","quantity":{{quantity}}}""")));

    public static Task<HttpResponseMessage> MeAsync(this HttpClient client, string? bearer = null) =>
        client.SendAsync(Request(HttpMethod.Get, "api/me", bearer));

    public static Task<HttpResponseMessage> CartAsync(this HttpClient client) => client.GetAsync("api/cart");

    public static Task<HttpResponseMessage> VisitsAsync(this HttpClient client) => client.GetAsync("api/visits");

    public static Task<HttpResponseMessage> LogoutAsync(this HttpClient client, string? bearer = null) =>
        client.SendAsync(Request(HttpMethod.Post, "api/logout", bearer));

    public static Task<HttpResponseMessage> LogoutAllAsync(this HttpClient client, string? bearer = null) =>
        client.SendAsync(Request(HttpMethod.Post, "api/logout-all", bearer));

    public static Task<HttpResponseMessage> HealthAsync(this HttpClient client) => client.GetAsync("health");

    /// <summary>GET api/me with only this login cookie (a copy of it, elsewhere).</summary>
    public static Task<HttpResponseMessage> MeWithLoginCookieAsync(this HttpClient client, string loginCookie)
    {
        var request = Request(HttpMethod.Get, "api/me", bearer: null);
        request.Headers.Add("Cookie", $"{RedisNodeHost.LoginCookieName}={loginCookie}");
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status, with the body in the message when it differs.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        if (body.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The user <c>api/me</c> names, or the status when it is not 200.</summary>
    public static async Task<string> WhoAmIAsync(this HttpClient client, string? bearer = null)
    {
        using var response = await client.MeAsync(bearer);
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.ReadJsonAsync()).GetProperty("user").GetString()!
            : $"{(int)response.StatusCode}";
    }

    public static string[] Skus(this JsonElement cart) =>
        [.. cart.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("sku").GetString()}x{i.GetProperty("quantity").GetInt32()}")];

    /// <summary>Repeats <paramref name="call"/> until it answers <paramref name="status"/>; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitForStatusAsync(Func<Task<HttpResponseMessage>> call, HttpStatusCode status, TimeSpan within)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "";
        while (stopwatch.Elapsed < within)
        {
            using var response = await call();
            if (response.StatusCode == status)
            {
                return stopwatch.Elapsed;
            }

            last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no {(int)status} within {within.TotalSeconds} s; last answer {last}");
    }

    public static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await call();
        return (response, stopwatch.Elapsed);
    }

    /// <summary>The contract's store-down answer: 503, problem+json with <c>error</c>, <c>Retry-After: 2</c>.</summary>
    public static async Task AssertStoreUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("session store unavailable", problem.GetProperty("error").GetString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Request(HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
