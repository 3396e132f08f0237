using System.Collections.Immutable;
using System.Text.Json;
using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Carts;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>
/// The cart and the visit counter, in ASP.NET Core's own session (<see cref="ISession"/> over the node's
/// <c>IDistributedCache</c>). The stock session swallows store errors: it logs them and behaves as if the session
/// were empty, dropping writes. With <c>Session:StoreDown=Fail</c> this class loads and commits the session itself,
/// where errors surface, and turns them into a 503; with <c>Silent</c> it leaves the stock behaviour alone.
/// </summary>
internal sealed class SessionData(IOptions<SessionStrategyOptions> options, IOptions<SessionOptions> sessionOptions)
{
    private const string CartKey = "cart";
    private const string VisitsKey = "visits";

    private readonly bool _fail = options.Value.StoreDown == SessionStoreDown.Fail;

    public async Task<Cart> GetCartAsync(HttpContext context)
    {
        var session = await LoadAsync(context).ConfigureAwait(false);
        return ReadCart(session);
    }

    public async Task<CartChange> AddToCartAsync(HttpContext context, CartItem item)
    {
        var session = await LoadAsync(context).ConfigureAwait(false);
        var change = ReadCart(session).Add(item);
        if (change.Cart is { } cart)
        {
            session.Set(CartKey, JsonSerializer.SerializeToUtf8Bytes(cart.Items, WebNodeJsonContext.Default.ImmutableArrayCartItem));
            await CommitAsync(context).ConfigureAwait(false);
        }

        return change;
    }

    public async Task<long> CountVisitAsync(HttpContext context)
    {
        var session = await LoadAsync(context).ConfigureAwait(false);
        var visits = (session.GetInt32(VisitsKey) ?? 0) + 1;
        session.SetInt32(VisitsKey, visits);
        await CommitAsync(context).ConfigureAwait(false);
        return visits;
    }

    /// <summary>
    /// At login and logout: empties the session the client came with and drops its cookie, so the next write starts a
    /// session under a new id. The stock session has no "regenerate"; this is its equivalent, and a cookie planted
    /// before login (fixation) is worth nothing after it.
    /// </summary>
    public async Task ResetAsync(HttpContext context)
    {
        var cookie = sessionOptions.Value.Cookie;
        if (!context.Request.Cookies.ContainsKey(cookie.Name!))
        {
            return;
        }

        var session = await LoadAsync(context).ConfigureAwait(false);
        session.Clear();
        await CommitAsync(context).ConfigureAwait(false);
        context.Response.Cookies.Delete(cookie.Name!, cookie.Build(context));
    }

    private async Task<ISession> LoadAsync(HttpContext context)
    {
        var session = context.Session;
        if (_fail)
        {
            await GuardAsync(() => session.LoadAsync(context.RequestAborted)).ConfigureAwait(false);
        }

        return session;
    }

    private async Task CommitAsync(HttpContext context)
    {
        if (_fail)
        {
            await GuardAsync(() => context.Session.CommitAsync(context.RequestAborted)).ConfigureAwait(false);
        }
    }

    private static async Task GuardAsync(Func<Task> operation)
    {
        try
        {
            await operation().ConfigureAwait(false);
        }
        catch (Exception exception) when (StoreFailures.IsStoreFailure(exception))
        {
            throw new SessionStoreUnavailableException(StoreFailures.Describe(exception), exception);
        }
    }

    private static Cart ReadCart(ISession session)
    {
        if (session.Get(CartKey) is not { } bytes)
        {
            return Cart.Empty;
        }

        try
        {
            return new Cart(JsonSerializer.Deserialize(bytes, WebNodeJsonContext.Default.ImmutableArrayCartItem));
        }
        catch (JsonException)
        {
            // Another version's layout: an empty cart beats a 500.
            return Cart.Empty;
        }
    }
}
