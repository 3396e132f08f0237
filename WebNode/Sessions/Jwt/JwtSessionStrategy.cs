using System.Security.Claims;
using ClusterSessions.WebNode.Carts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The state travels with the client: identity and cart in a signed token, re-issued when the cart changes.
/// Nothing to look up on any node; the price is the token's bytes on every request, and revocation needs a
/// shared store again (the deny-list).
/// </summary>
internal sealed partial class JwtSessionStrategy(
    JwtTokenIssuer issuer,
    IRevocationList revocations,
    VisitCounterCookie visits,
    IOptions<JwtOptions> options,
    ILogger<JwtSessionStrategy> logger) : ISessionStrategy
{
    private readonly JwtOptions _options = options.Value;

    public async Task<SignInOutcome> SignInAsync(HttpContext context, string userName)
    {
        var token = issuer.Issue(userName, await revocations.GetNotBeforeAsync(userName, context.RequestAborted).ConfigureAwait(false));
        Deliver(context, token);
        SignedIn(logger, userName);
        return new SignInOutcome(token);
    }

    public async Task<SignOutOutcome> SignOutAsync(HttpContext context)
    {
        context.Response.Cookies.Delete(JwtCookies.Token, PoolCookies.Options(context));
        if (!revocations.Revokes)
        {
            return new SignOutOutcome(
                Revoked: false,
                Note: "Jwt:Revocation=None: only this client's cookie was cleared; the token itself stays valid on every node until it expires");
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (result.Failure is SessionStoreUnavailableException unavailable)
        {
            throw unavailable;
        }

        if (PresentedToken.Read(context, JwtCookies.Token).Validated is { } token)
        {
            await revocations.RevokeAsync(token.Id, token.ValidTo, context.RequestAborted).ConfigureAwait(false);
        }

        return new SignOutOutcome(Revoked: true);
    }

    public async Task<SignOutEverywhereOutcome> SignOutEverywhereAsync(HttpContext context, ClaimsPrincipal user)
    {
        context.Response.Cookies.Delete(JwtCookies.Token, PoolCookies.Options(context));
        var name = user.Identity!.Name!;
        // The deny-list is keyed by sub, the claim the validation checks it against.
        var subject = PresentedToken.Read(context, JwtCookies.Token).Validated?.Subject ?? name;
        if (!revocations.Revokes)
        {
            return new SignOutEverywhereOutcome(
                null,
                "client",
                $"Jwt:Revocation=None: stateless tokens cannot be revoked; {name}'s other tokens stay valid until they expire");
        }

        await revocations.RevokeAllAsync(subject, context.RequestAborted).ConfigureAwait(false);
        return new SignOutEverywhereOutcome(
            null,
            "cluster",
            $"every token of {name} issued until now is refused on every node (tokens are not tracked, so they cannot be counted)");
    }

    public Task<Cart> GetCartAsync(HttpContext context, ClaimsPrincipal user) =>
        Task.FromResult(PresentedToken.Read(context, JwtCookies.Token).Validated is { } token
            ? new Cart([.. JwtTokenIssuer.ReadCart(token)])
            : Cart.Empty);

    public Task<CartChange> AddToCartAsync(HttpContext context, ClaimsPrincipal user, CartItem item)
    {
        var current = PresentedToken.Read(context, JwtCookies.Token).Validated
            ?? throw new InvalidOperationException("AddToCart needs a validated token.");
        var change = new Cart([.. JwtTokenIssuer.ReadCart(current)]).Add(item);
        if (change.Cart is not { } cart)
        {
            return Task.FromResult(change);
        }

        var token = issuer.Reissue(current, cart.Items);
        if (token.Length > _options.MaxCookieBytes)
        {
            // Refuse rather than set a cookie the browser would silently drop (and lose the whole login).
            return Task.FromResult(CartChange.TooLarge(
                $"the token would be {token.Length} bytes, over the {_options.MaxCookieBytes}-byte cookie limit; the cart is unchanged"));
        }

        Deliver(context, token);
        return Task.FromResult(CartChange.Accepted(cart, token));
    }

    public Task<long> CountVisitAsync(HttpContext context)
    {
        var count = visits.Read(context) + 1;
        visits.Write(context, count);
        return Task.FromResult(count);
    }

    private static void Deliver(HttpContext context, string token)
    {
        context.Response.Cookies.Append(JwtCookies.Token, token, PoolCookies.Options(context));
        PresentedToken.Read(context, JwtCookies.Token).Issued = token;
    }

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "{User} logged in with a new token.")]
    private static partial void SignedIn(ILogger logger, string user);
}
