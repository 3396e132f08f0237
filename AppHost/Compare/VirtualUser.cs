using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterSessions.AppHost.Compare;

/// <summary>
/// One person with a browser: an own cookie jar, a demo login, and a memory of what the site should show
/// (who they are, what is in the cart). Every answer is checked against that memory: that is continuity.
/// A user who finds themselves logged out logs in again, as a person would, and starts a new cart.
/// </summary>
internal sealed class VirtualUser : IDisposable
{
    private static readonly string[] Skus = ["book", "pen", "lamp", "mug", "desk"];

    private readonly HttpClient _client;
    private readonly CookieContainer _cookies = new();
    private readonly Dictionary<string, int> _cart = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>A cart write got no answer (a 5xx or a dropped connection): the store may or may not hold it.</summary>
    private bool _cartUnknown;

    public VirtualUser(Uri gateway, string strategy, string user, TimeSpan timeout, TimeProvider timeProvider)
    {
        Strategy = strategy;
        User = user;
        _timeProvider = timeProvider;
        BaseAddress = new Uri(gateway, $"/{strategy}/");
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout,
        };
    }

    public string Strategy { get; }

    public string User { get; }

    public Uri BaseAddress { get; }

    public List<RequestSample> Samples { get; } = [];

    /// <summary>Their login or cart vanished at least once.</summary>
    public bool LostSession { get; private set; }

    /// <summary>The bearer token of the <c>jwt</c> pool, as the last login or cart change issued it.</summary>
    public string? Token { get; private set; }

    public async Task<bool> LoginAsync(CancellationToken cancellationToken)
    {
        var (sample, body) = await SendAsync(
            HttpMethod.Post, "api/login", new { username = User, password = $"{User}-secret" }, _ => true, cancellationToken, isCheck: false).ConfigureAwait(false);
        if (sample.Status != 200)
        {
            return false;
        }

        _cart.Clear();
        Token = body is { } json && json.TryGetProperty("token", out var token) ? token.GetString() : Token;
        return true;
    }

    /// <summary>
    /// One step of the usual mix: who am I (40 %), the cart (30 %), add to the cart (30 %). After a 401 the user logs
    /// in again, unless <paramref name="logInAgain"/> is false (a measurement that must not count password hashing).
    /// </summary>
    public async Task StepAsync(Random random, CancellationToken cancellationToken, bool logInAgain = true)
    {
        var roll = random.Next(10);
        if (roll < 4)
        {
            var sample = await WhoAmIAsync(cancellationToken).ConfigureAwait(false);
            await AfterAsync(sample, logInAgain, cancellationToken).ConfigureAwait(false);
        }
        else if (roll < 7)
        {
            var (sample, body) = await SendAsync(HttpMethod.Get, "api/cart", null, CartMatches, cancellationToken).ConfigureAwait(false);
            AdoptServerCartIfDifferent(sample, body);
            await AfterAsync(sample, logInAgain, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var sku = Skus[random.Next(Skus.Length)];
            var expected = new Dictionary<string, int>(_cart, StringComparer.Ordinal) { [sku] = _cart.GetValueOrDefault(sku) + 1 };
            var (sample, body) = await SendAsync(
                HttpMethod.Post, "api/cart/items", new { sku, quantity = 1 }, b => SameCart(ReadCart(b), expected), cancellationToken).ConfigureAwait(false);
            if (body is { } json && json.TryGetProperty("token", out var token))
            {
                Token = token.GetString();
            }

            _cartUnknown |= sample.Error;
            if (sample.Continuous)
            {
                Replace(expected);
            }

            AdoptServerCartIfDifferent(sample, body);
            await AfterAsync(sample, logInAgain, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Who am I (<c>GET api/me</c>). A 401 marks the session lost; logging in again is the caller's choice.</summary>
    public async Task<RequestSample> WhoAmIAsync(CancellationToken cancellationToken)
    {
        var (sample, _) = await SendAsync(HttpMethod.Get, "api/me", null, body => body.GetProperty("user").GetString() == User, cancellationToken).ConfigureAwait(false);
        LostSession |= sample.Status == 401;
        return sample;
    }

    /// <summary>The cookie header (or bearer token) this user sends now: what an attacker would copy.</summary>
    public string Credential() => Token ?? _cookies.GetCookieHeader(BaseAddress);

    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Post, "api/logout", null, _ => true, cancellationToken, isCheck: false).ConfigureAwait(false);
    }

    /// <summary>Two cart writes at once in the same session; returns how many of them the cart lost.</summary>
    public async Task<int> RaceAsync(CancellationToken cancellationToken)
    {
        var before = _cart.ToDictionary();
        var first = SendAsync(HttpMethod.Post, "api/cart/items", new { sku = "race-a", quantity = 1 }, _ => true, cancellationToken);
        var second = SendAsync(HttpMethod.Post, "api/cart/items", new { sku = "race-b", quantity = 1 }, _ => true, cancellationToken);
        var results = await Task.WhenAll(first, second).ConfigureAwait(false);
        foreach (var (_, body) in results)
        {
            if (body is { } json && json.TryGetProperty("token", out var token))
            {
                Token = token.GetString();
            }
        }

        var (sample, cart) = await SendAsync(HttpMethod.Get, "api/cart", null, _ => true, cancellationToken).ConfigureAwait(false);
        if (sample.Status != 200 || cart is null)
        {
            return results.Count(r => r.Sample.Status == 200);
        }

        var items = ReadCart(cart.Value);
        Replace(items);

        var accepted = results.Count(r => r.Sample.Status == 200);
        var kept = new[] { "race-a", "race-b" }.Count(sku => items.GetValueOrDefault(sku) > before.GetValueOrDefault(sku));
        return Math.Max(0, accepted - kept);
    }

    public void Dispose() => _client.Dispose();

    private async Task AfterAsync(RequestSample sample, bool logInAgain, CancellationToken cancellationToken)
    {
        if (sample.Status == 401)
        {
            LostSession = true;
            if (logInAgain)
            {
                await LoginAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void AdoptServerCartIfDifferent(RequestSample sample, JsonElement? body)
    {
        if (sample.Status != 200 || body is null)
        {
            return;
        }

        if (sample.Continuous)
        {
            // The doubt stays: an unanswered write may still be on its way to the store (seen on a loaded machine).
            return;
        }

        // The cart the site shows is not the one the user built: it vanished or is another node's. Unless a write
        // got no answer since: then the site may rightly show it (a timeout on a busy machine is an error, not a loss).
        LostSession |= !_cartUnknown;
        _cartUnknown = false;
        Replace(ReadCart(body.Value));
    }

    private void Replace(Dictionary<string, int> cart)
    {
        _cart.Clear();
        foreach (var (sku, quantity) in cart)
        {
            _cart[sku] = quantity;
        }
    }

    private bool CartMatches(JsonElement body) => SameCart(ReadCart(body), _cart);

    private static bool SameCart(Dictionary<string, int> actual, Dictionary<string, int> expected) =>
        actual.Count == expected.Count && actual.All(i => expected.GetValueOrDefault(i.Key) == i.Value);

    private static Dictionary<string, int> ReadCart(JsonElement body) =>
        body.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("sku").GetString()!, i => i.GetProperty("quantity").GetInt32(), StringComparer.Ordinal);

    private async Task<(RequestSample Sample, JsonElement? Body)> SendAsync(
        HttpMethod method, string path, object? json, Func<JsonElement, bool> expected, CancellationToken cancellationToken, bool isCheck = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        var bytes = RequestBytes.Measure(request, BaseAddress, _cookies);
        var at = _timeProvider.GetUtcNow();
        var clock = Stopwatch.StartNew();
        RequestSample sample;
        JsonElement? body = null;
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            clock.Stop();
            var status = (int)response.StatusCode;
            if (status == 200 && content.Length > 0)
            {
                body = JsonSerializer.Deserialize<JsonElement>(content);
            }

            var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.FirstOrDefault() : null;
            var continuous = status is 200 or 204 && (body is null || expected(body.Value));
            sample = new RequestSample(at, clock.Elapsed.TotalMilliseconds, bytes, status, servedBy, continuous, status >= 500, isCheck);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            sample = new RequestSample(at, clock.Elapsed.TotalMilliseconds, bytes, 0, null, false, true, isCheck);
        }

        Samples.Add(sample);
        return (sample, body);
    }
}
