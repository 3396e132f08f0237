using System.Security.Claims;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Sessions;

/// <summary>
/// Where login state, the cart and the visit counter live. The API endpoints only talk to this;
/// each strategy folder supplies one (server-side sessions for local/sticky/redis, tokens for jwt).
/// </summary>
internal interface ISessionStrategy
{
    /// <summary>Starts a new login with a fresh identifier (the old session, if any, is destroyed: no fixation).</summary>
    Task<SignInOutcome> SignInAsync(HttpContext context, string userName);

    /// <summary>Ends the current login and removes its server-side state.</summary>
    Task<SignOutOutcome> SignOutAsync(HttpContext context);

    /// <summary>Ends every login of <paramref name="user"/> this strategy can reach.</summary>
    Task<SignOutEverywhereOutcome> SignOutEverywhereAsync(HttpContext context, ClaimsPrincipal user);

    Task<Cart> GetCartAsync(HttpContext context, ClaimsPrincipal user);

    Task<CartChange> AddToCartAsync(HttpContext context, ClaimsPrincipal user, CartItem item);

    Task<long> CountVisitAsync(HttpContext context);
}
