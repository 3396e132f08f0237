using System.Security.Claims;
using ClusterSessions.Tokens;
using ClusterSessions.WebNode.Carts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The state travels with the client: identity and cart in a signed token, re-issued when the cart changes.
/// Nothing to look up on any node; the price is the token's bytes on every request, and revocation needs a
/// shared store again (the deny-list).
/// </summary>
internal sealed partial class JwtSessionStrategy(
    JwtTokenServices tokens,
    IRevocationList revocations,
    VisitCounterCookie visits,
    IOptions<JwtSessionOptions> options,
    ILogger<JwtSessionStrategy> logger) : ISessionStrategy
{
    private readonly JwtSessionOptions _options = options.Value;

    public Task<SignInOutcome> SignInAsync(HttpContext context, string userName)
    {
        var issued = tokens.Issuer.Issue(userName, userName, []);
        Deliver(context, issued.Token);
        SignedIn(logger, userName, issued.Claims.TokenId);
        return Task.FromResult(new SignInOutcome(issued.Token));
    }

    public async Task<SignOutOutcome> SignOutAsync(HttpContext context)
    {
        context.Response.Cookies.Delete(_options.CookieName, PoolCookies.Options(context));
        var claims = await ValidClaimsAsync(context).ConfigureAwait(false);
        if (!revocations.Revokes)
        {
            return new SignOutOutcome(
                Revoked: false,
                Note: "Jwt:Revocation=None: only this client's cookie was cleared; the token itself stays valid on every node until it expires");
        }

        if (claims is not null)
        {
            await revocations.RevokeAsync(claims.TokenId, claims.Expires, context.RequestAborted).ConfigureAwait(false);
        }

        return new SignOutOutcome(Revoked: true);
    }

    public async Task<SignOutEverywhereOutcome> SignOutEverywhereAsync(HttpContext context, ClaimsPrincipal user)
    {
        context.Response.Cookies.Delete(_options.CookieName, PoolCookies.Options(context));
        var name = user.Identity!.Name!;
        if (!revocations.Revokes)
        {
            return new SignOutEverywhereOutcome(
                null,
                "client",
                $"Jwt:Revocation=None: stateless tokens cannot be revoked; {name}'s other tokens stay valid until they expire");
        }

        await revocations.RevokeAllAsync(name, context.RequestAborted).ConfigureAwait(false);
        return new SignOutEverywhereOutcome(null, "cluster", $"every token of {name} issued until now is refused on every node");
    }

    public async Task<Cart> GetCartAsync(HttpContext context, ClaimsPrincipal user)
    {
        var claims = await ValidClaimsAsync(context).ConfigureAwait(false);
        return claims is null ? Cart.Empty : new Cart([.. claims.Cart.Select(i => new CartItem(i.Sku, i.Quantity))]);
    }

    public async Task<CartChange> AddToCartAsync(HttpContext context, ClaimsPrincipal user, CartItem item)
    {
        var claims = await ValidClaimsAsync(context).ConfigureAwait(false)
            ?? throw new InvalidOperationException("AddToCart needs an authenticated token.");
        var change = new Cart([.. claims.Cart.Select(i => new CartItem(i.Sku, i.Quantity))]).Add(item);
        if (change.Cart is not { } cart)
        {
            return change;
        }

        var newCart = cart.Items.Select(i => new JwtCartItem(i.Sku, i.Quantity)).ToList();
        if (!tokens.Issuer.TryReissue(claims, newCart, _options.MaxCookieBytes, out var issued))
        {
            // Refuse rather than set a cookie the browser would silently drop (and lose the whole login).
            return CartChange.TooLarge(
                $"the token would be {issued.ByteCount} bytes, over the {_options.MaxCookieBytes}-byte cookie limit; the cart is unchanged");
        }

        Deliver(context, issued.Token);
        return CartChange.Accepted(cart, issued.Token);
    }

    public Task<long> CountVisitAsync(HttpContext context)
    {
        var count = visits.Read(context) + 1;
        visits.Write(context, count);
        return Task.FromResult(count);
    }

    private async Task<JwtClaims?> ValidClaimsAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(JwtAuthenticationHandler.SchemeName).ConfigureAwait(false);
        return result.Succeeded ? PresentedToken.Read(context, _options.CookieName).Claims : null;
    }

    private void Deliver(HttpContext context, string token)
    {
        context.Response.Cookies.Append(_options.CookieName, token, PoolCookies.Options(context));
        PresentedToken.Read(context, _options.CookieName).Issued = token;
    }

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "{User} logged in with token {TokenId}.")]
    private static partial void SignedIn(ILogger logger, string user, string tokenId);
}
