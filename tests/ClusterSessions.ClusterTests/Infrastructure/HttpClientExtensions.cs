using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterSessions.ClusterTests.Infrastructure;

internal static class HttpClientExtensions
{
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string user) =>
        await client.PostAsJsonAsync("api/login", new { username = user, password = $"{user}-secret" });

    public static string ServedBy(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : "(none)";

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
