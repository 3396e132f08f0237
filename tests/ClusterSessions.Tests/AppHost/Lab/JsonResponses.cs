using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace ClusterSessions.Tests.AppHost.Lab;

internal static class JsonResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    /// <summary>The first <paramref name="count"/> events of a server-sent event stream.</summary>
    /// <param name="onEvent">Runs after each event is read, before the next: lets a test act once the stream is live.</param>
    public static async Task<List<SseItem<string>>> ReadEventsAsync(this HttpClient client, string url, int count, Action<SseItem<string>>? onEvent = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(timeout.Token))
        {
            events.Add(item);
            onEvent?.Invoke(item);
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }

    public static JsonElement Json(this SseItem<string> item)
    {
        using var document = JsonDocument.Parse(item.Data);
        return document.RootElement.Clone();
    }
}
