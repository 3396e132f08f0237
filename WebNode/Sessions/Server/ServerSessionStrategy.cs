using System.Security.Claims;
using ClusterSessions.WebNode.Carts;
using Microsoft.AspNetCore.Authentication;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>
/// The classic server-side session, the ASP.NET Core way: the login in a cookie whose ticket lives in the node's
/// store, the cart and visits in the session. The store decides the demo's outcome: node memory (<c>local</c>,
/// <c>sticky</c>) or Redis shared by every node (<c>redis</c>).
/// </summary>
internal sealed partial class ServerSessionStrategy(SessionData data, ILoginIndex index, ILogger<ServerSessionStrategy> logger)
    : ISessionStrategy
{
    public async Task<SignInOutcome> SignInAsync(HttpContext context, string userName)
    {
        await data.ResetAsync(context).ConfigureAwait(false);
        // A new ticket under a new key, and the ticket of the cookie this client came with removed: a login cookie
        // planted before the login (fixation) is worth nothing after it. See LoginCookie.SignInScheme.
        if (context.Request.Cookies.ContainsKey(LoginCookie.Name))
        {
            await context.SignOutAsync(LoginCookie.Scheme).ConfigureAwait(false);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, userName)], LoginCookie.Scheme);
        await context.SignInAsync(LoginCookie.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        SignedIn(logger, userName);
        return new SignInOutcome();
    }

    public async Task<SignOutOutcome> SignOutAsync(HttpContext context)
    {
        // Removes the ticket from the store when this node can read the cookie; on local, a node that cannot read it
        // only clears the browser's cookie, and the login lives on at the node that made it.
        await context.SignOutAsync(LoginCookie.Scheme).ConfigureAwait(false);
        await data.ResetAsync(context).ConfigureAwait(false);
        return new SignOutOutcome(Revoked: true);
    }

    public async Task<SignOutEverywhereOutcome> SignOutEverywhereAsync(HttpContext context, ClaimsPrincipal user)
    {
        var userName = user.Identity!.Name!;
        var ended = await index.EndAllAsync(userName, context.RequestAborted).ConfigureAwait(false);
        await SignOutAsync(context).ConfigureAwait(false);
        var note = index.Scope == "cluster"
            ? $"ended all {ended} logins of {userName} on every node"
            : $"ended the {ended} logins of {userName} held in this node's memory; logins on other nodes live on";
        return new SignOutEverywhereOutcome(ended, index.Scope, note);
    }

    public Task<Cart> GetCartAsync(HttpContext context, ClaimsPrincipal user) => data.GetCartAsync(context);

    public Task<CartChange> AddToCartAsync(HttpContext context, ClaimsPrincipal user, CartItem item) => data.AddToCartAsync(context, item);

    public Task<long> CountVisitAsync(HttpContext context) => data.CountVisitAsync(context);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{User} logged in with a new login ticket.")]
    private static partial void SignedIn(ILogger logger, string user);
}
