using System.Text.Json;

namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>
/// Decides whether an answer shows the session holding, and updates what the visitor should see next. This is
/// where <c>local</c>'s failure becomes visible: its 401s and fresh carts arrive as ordinary answers, and only
/// a visitor who remembers logging in can tell that something was lost.
/// </summary>
internal static class TryItJudge
{
    /// <param name="status">The HTTP status of the answer.</param>
    /// <param name="body">The answer's JSON, if it had any.</param>
    /// <param name="added">Items the request added to the cart (for <see cref="TryItAction.AddToCart"/>).</param>
    public static TryItVerdict Judge(TryItAction action, TryItState state, int status, JsonElement? body, int added = 0)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (status >= 500 || status is 400 or 404 or 413 or 415)
        {
            return new TryItVerdict(TryItOutcomes.Error, $"{status}: {Reason(body) ?? "no reason given"}");
        }

        return action switch
        {
            TryItAction.Login => Login(state, status, body),
            TryItAction.Me => Me(state, status, body),
            TryItAction.AddToCart => Cart(state, status, body, added),
            TryItAction.Cart => Cart(state, status, body, 0),
            TryItAction.Logout => Logout(state, status, body),
            TryItAction.LogoutAll => LogoutAll(state, status, body),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
        };
    }

    /// <summary>No answer at all (the gateway is down, or the request timed out).</summary>
    public static TryItVerdict Unreachable(string reason) => new(TryItOutcomes.Error, $"no answer: {reason}");

    private static TryItVerdict Login(TryItState state, int status, JsonElement? body)
    {
        if (status != 200)
        {
            return new TryItVerdict(TryItOutcomes.Error, $"login refused: {Reason(body) ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var user = String(body, "user");
        state.ExpectedUser = user;
        // A login starts a new session; its cart is whatever the first cart answer shows.
        state.ExpectedCartItems = null;
        return new TryItVerdict(TryItOutcomes.Ok, $"logged in as {user}", user);
    }

    private static TryItVerdict Me(TryItState state, int status, JsonElement? body)
    {
        var user = status == 200 ? String(body, "user") : null;
        return (state.ExpectedUser, status) switch
        {
            (null, 401) => new TryItVerdict(TryItOutcomes.Expected, "not logged in, as expected"),
            (null, 200) => new TryItVerdict(TryItOutcomes.Unexpected, $"logged out, yet still accepted as {user}", user),
            ({ } expected, 200) when user == expected => new TryItVerdict(TryItOutcomes.Held, $"still {user}", user),
            ({ } expected, 200) => new TryItVerdict(TryItOutcomes.Lost, $"expected {expected}, got {user}", user),
            (_, 401) => new TryItVerdict(TryItOutcomes.Lost, $"session lost: {Reason(body) ?? "not logged in"}"),
            _ => new TryItVerdict(TryItOutcomes.Error, $"unexpected status {status}"),
        };
    }

    private static TryItVerdict Cart(TryItState state, int status, JsonElement? body, int added)
    {
        if (status == 401)
        {
            return state.ExpectedUser is null
                ? new TryItVerdict(TryItOutcomes.Expected, "not logged in, as expected")
                : new TryItVerdict(TryItOutcomes.Lost, $"session lost: {Reason(body) ?? "not logged in"}");
        }

        if (status != 200)
        {
            return new TryItVerdict(TryItOutcomes.Error, $"{status}: {Reason(body) ?? "no reason given"}");
        }

        var items = CartItems(body);
        if (state.ExpectedUser is null)
        {
            return new TryItVerdict(TryItOutcomes.Unexpected, $"logged out, yet the cart ({Items(items)}) is still served", CartItems: items);
        }

        var expected = state.ExpectedCartItems is { } before ? before + added : (int?)null;
        state.ExpectedCartItems = items;
        return expected is { } e && items != e
            ? new TryItVerdict(TryItOutcomes.Lost, $"cart lost: {Items(items)}, expected {e}", state.ExpectedUser, items)
            : new TryItVerdict(TryItOutcomes.Held, $"cart holds {Items(items)}", state.ExpectedUser, items);
    }

    private static TryItVerdict Logout(TryItState state, int status, JsonElement? body)
    {
        var wasLoggedIn = state.ExpectedUser is not null;
        state.ExpectedUser = null;
        state.ExpectedCartItems = null;
        var note = String(body, "note");
        return status is 200 or 204
            ? new TryItVerdict(TryItOutcomes.Ok, note is null ? "logged out" : $"logged out: {note}")
            : new TryItVerdict(wasLoggedIn ? TryItOutcomes.Lost : TryItOutcomes.Expected, $"logout answered {status}: {Reason(body) ?? "not logged in"}");
    }

    private static TryItVerdict LogoutAll(TryItState state, int status, JsonElement? body)
    {
        var wasLoggedIn = state.ExpectedUser is not null;
        if (status == 401)
        {
            state.ExpectedUser = null;
            state.ExpectedCartItems = null;
            return wasLoggedIn
                ? new TryItVerdict(TryItOutcomes.Lost, $"session lost before logging out everywhere: {Reason(body) ?? "not logged in"}")
                : new TryItVerdict(TryItOutcomes.Expected, "not logged in, as expected");
        }

        state.ExpectedUser = null;
        state.ExpectedCartItems = null;
        var ended = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("ended", out var e) && e.ValueKind == JsonValueKind.Number
            ? $"{e.GetInt32()} session{(e.GetInt32() == 1 ? "" : "s")} ended"
            : "sessions ended";
        var scope = String(body, "scope");
        var note = String(body, "note");
        return new TryItVerdict(TryItOutcomes.Ok, $"{ended}{(scope is null ? "" : $" ({scope})")}{(note is null ? "" : $": {note}")}");
    }

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    private static int CartItems(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Sum(i => i.TryGetProperty("quantity", out var q) && q.TryGetInt32(out var n) ? n : 0)
            : 0;

    /// <summary>A problem answer's <c>detail</c> (why), else its <c>error</c> (what).</summary>
    private static string? Reason(JsonElement? body) => String(body, "detail") ?? String(body, "error");

    private static string? String(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
