using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using ClusterSessions.AppHost.Lab;

namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>
/// Sends the Try it view's clicks to the gateway on the visitor's behalf. The page and the gateway are different
/// origins; relaying through the lab (with a cookie jar per browser) keeps the gateway free of CORS and
/// lets the lab judge each answer against what the visitor did before.
/// </summary>
internal sealed class TryItClient(ClusterControl cluster, TimeProvider timeProvider) : IDisposable
{
    private static readonly string[] Skus = ["coffee", "tea", "cake"];

    // Cookies are the session's own (one jar per browser), so the shared handler must not keep any.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async Task<TryItStep> SendAsync(TryItSession session, string strategy, TryItAction action, string? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var gateway = cluster.GatewayUrl ?? throw new InvalidOperationException("this cluster has no gateway");
        var state = session.State(strategy);
        var (method, path, body) = Request(action, user, state.Steps);
        var url = new Uri(gateway, $"/{strategy}/{path}");
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (session.Cookies.GetCookieHeader(url) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var started = timeProvider.GetTimestamp();
        int? status = null;
        string? node = null;
        TryItVerdict verdict;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            node = response.Headers.TryGetValues("X-Served-By", out var servedBy) ? servedBy.FirstOrDefault() : null;
            KeepCookies(session.Cookies, url, response);
            var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            verdict = TryItJudge.Judge(action, state, status.Value, json, action == TryItAction.AddToCart ? 1 : 0);
        }
        catch (HttpRequestException exception)
        {
            verdict = TryItJudge.Unreachable(exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            verdict = TryItJudge.Unreachable($"no answer within {_http.Timeout.TotalSeconds:0} s");
        }

        state.Steps++;
        return new TryItStep(
            state.Steps,
            strategy,
            TryItActions.Name(action),
            status,
            node,
            verdict.Outcome,
            verdict.Detail,
            verdict.User,
            verdict.CartItems,
            Math.Round(timeProvider.GetElapsedTime(started).TotalMilliseconds, 1));
    }

    public void Dispose() => _http.Dispose();

    private static (HttpMethod Method, string Path, object? Body) Request(TryItAction action, string? user, int step) => action switch
    {
        TryItAction.Login when user is not null => (HttpMethod.Post, "api/login", new { username = user, password = DemoUsers.Password(user) }),
        TryItAction.Login => throw new ArgumentException("login needs a user", nameof(user)),
        TryItAction.AddToCart => (HttpMethod.Post, "api/cart/items", new { sku = Skus[step % Skus.Length], quantity = 1 }),
        TryItAction.Me => (HttpMethod.Get, "api/me", null),
        TryItAction.Cart => (HttpMethod.Get, "api/cart", null),
        TryItAction.Logout => (HttpMethod.Post, "api/logout", null),
        TryItAction.LogoutAll => (HttpMethod.Post, "api/logout-all", null),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
    };

    private static void KeepCookies(CookieContainer cookies, Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            try
            {
                cookies.SetCookies(url, value);
            }
            catch (CookieException)
            {
                // A cookie the jar cannot hold is one a browser would drop too.
            }
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
