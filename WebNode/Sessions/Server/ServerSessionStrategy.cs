using System.Security.Claims;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>
/// Cookie → session id → store: the classic server-side session. The store decides the demo's outcome:
/// node memory (<c>local</c>, <c>sticky</c>) or Redis shared by every node (<c>redis</c>).
/// </summary>
internal sealed partial class ServerSessionStrategy(
    ISessionStore store,
    SessionCookie cookie,
    TimeProvider timeProvider,
    ILogger<ServerSessionStrategy> logger) : ISessionStrategy
{
    /// <summary>Reads the session once per request; later calls see the same record.</summary>
    public async Task<LoadedSession> LoadAsync(HttpContext context)
    {
        if (context.Features.Get<LoadedSession>() is { } loaded)
        {
            return loaded;
        }

        var (state, id) = cookie.Read(context);
        SessionRecord? record = null;
        if (state == SessionCookieState.Unreadable)
        {
            UnreadableCookie(logger);
        }
        else if (id is not null)
        {
            record = await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
            if (record is null)
            {
                UnknownSession(logger);
            }
        }

        loaded = new LoadedSession(state, record);
        context.Features.Set(loaded);
        return loaded;
    }

    public async Task<SignInOutcome> SignInAsync(HttpContext context, string userName)
    {
        var loaded = await LoadAsync(context).ConfigureAwait(false);
        var previous = loaded.Record;
        if (previous is not null)
        {
            await store.RemoveAsync(previous, context.RequestAborted).ConfigureAwait(false);
        }

        // A fresh id at every login: an id planted before login (fixation) is worth nothing after it.
        var record = new SessionRecord
        {
            Id = SessionIds.New(),
            User = userName,
            Visits = previous?.Visits ?? 0,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        await SaveAsync(context, loaded, record, newCookie: true).ConfigureAwait(false);
        SignedIn(logger, userName);
        return new SignInOutcome();
    }

    public async Task<SignOutOutcome> SignOutAsync(HttpContext context)
    {
        var loaded = await LoadAsync(context).ConfigureAwait(false);
        if (loaded.Record is { } record)
        {
            await store.RemoveAsync(record, context.RequestAborted).ConfigureAwait(false);
            loaded.Record = null;
        }

        cookie.Delete(context);
        return new SignOutOutcome(Revoked: true);
    }

    public async Task<SignOutEverywhereOutcome> SignOutEverywhereAsync(HttpContext context, ClaimsPrincipal user)
    {
        var userName = user.Identity!.Name!;
        var ended = await store.RemoveAllForUserAsync(userName, context.RequestAborted).ConfigureAwait(false);
        cookie.Delete(context);
        (await LoadAsync(context).ConfigureAwait(false)).Record = null;
        var note = store.Scope == "cluster"
            ? $"ended all {ended} sessions of {userName} on every node"
            : $"ended the {ended} sessions of {userName} held in this node's memory; sessions on other nodes live on";
        return new SignOutEverywhereOutcome(ended, store.Scope, note);
    }

    public async Task<Cart> GetCartAsync(HttpContext context, ClaimsPrincipal user)
    {
        var record = (await LoadAsync(context).ConfigureAwait(false)).Record;
        return record is null ? Cart.Empty : new Cart(record.Cart);
    }

    public async Task<CartChange> AddToCartAsync(HttpContext context, ClaimsPrincipal user, CartItem item)
    {
        var loaded = await LoadAsync(context).ConfigureAwait(false);
        var record = loaded.Record ?? throw new InvalidOperationException("AddToCart needs an authenticated session.");
        var change = new Cart(record.Cart).Add(item);
        if (change.Cart is { } cart)
        {
            await SaveAsync(context, loaded, record with { Cart = cart.Items }, newCookie: false).ConfigureAwait(false);
        }

        return change;
    }

    public async Task<long> CountVisitAsync(HttpContext context)
    {
        var loaded = await LoadAsync(context).ConfigureAwait(false);
        var record = loaded.Record is { } existing
            ? existing with { Visits = existing.Visits + 1 }
            : new SessionRecord { Id = SessionIds.New(), Visits = 1, CreatedAt = timeProvider.GetUtcNow() };
        await SaveAsync(context, loaded, record, newCookie: loaded.Record is null).ConfigureAwait(false);
        return record.Visits;
    }

    private async Task SaveAsync(HttpContext context, LoadedSession loaded, SessionRecord record, bool newCookie)
    {
        await store.SetAsync(record, context.RequestAborted).ConfigureAwait(false);
        loaded.Record = record;
        if (newCookie)
        {
            cookie.Write(context, record.Id);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Session cookie unreadable on this node (another node's key ring, or garbage); treating the request as a new visitor.")]
    private static partial void UnreadableCookie(ILogger logger);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Session cookie names a session this store does not hold (expired, logged out, or held by another node).")]
    private static partial void UnknownSession(ILogger logger);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{User} logged in with a new session id.")]
    private static partial void SignedIn(ILogger logger, string user);
}
