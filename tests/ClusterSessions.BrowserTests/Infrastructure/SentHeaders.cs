using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClusterSessions.BrowserTests.Infrastructure;

/// <summary>
/// The request headers chromium really sent from one page, cookies and <c>Origin</c> included, from the DevTools
/// protocol (<c>Network.requestWillBeSentExtraInfo</c>): Playwright's own request headers leave out what the network
/// stack adds.
/// </summary>
internal sealed class SentHeaders
{
    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _headers = new(StringComparer.Ordinal);

    private SentHeaders()
    {
    }

    public static async Task<SentHeaders> WatchAsync(IBrowserContext context, IPage page)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sent = new SentHeaders();
        var session = await context.NewCDPSessionAsync(page);
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                sent._urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        session.Event("Network.requestWillBeSentExtraInfo").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                sent._headers[json.GetProperty("requestId").GetString()!] = json.GetProperty("headers").EnumerateObject()
                    .ToDictionary(h => h.Name.ToLowerInvariant(), h => h.Value.GetString() ?? "", StringComparer.Ordinal);
            }
        };
        await session.SendAsync("Network.enable");
        return sent;
    }

    /// <summary>The headers of the last request to <paramref name="url"/> that carried <paramref name="origin"/> (the events may trail the response).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ForAsync(string url, string origin)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var match = _urls.Where(u => u.Value == url)
                .Select(u => _headers.GetValueOrDefault(u.Key))
                .LastOrDefault(h => h?.GetValueOrDefault("origin") == origin);
            if (match is not null)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"chromium reported no request to {url} from {origin}");
            }

            await Task.Delay(100);
        }
    }
}
