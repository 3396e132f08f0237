using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace ClusterSessions.BrowserTests.Infrastructure;

internal static class HttpClientExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string? ServedBy(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : null;

    /// <summary>Reads a server-sent event stream until <paramref name="until"/> accepts an event (or the timeout), and returns the events read.</summary>
    public static async Task<List<SseItem<string>>> ReadEventsAsync(
        this HttpClient client, string url, Func<SseItem<string>, bool> until, TimeSpan timeout, IDictionary<string, string>? headers = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancel.Token))
        {
            events.Add(item);
            if (until(item))
            {
                break;
            }
        }

        return events;
    }

    public static JsonElement Json(this SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.Clone();
}
