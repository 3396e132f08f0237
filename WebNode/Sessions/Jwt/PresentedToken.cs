using Microsoft.IdentityModel.JsonWebTokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>The token of the current request (a request feature): as presented, once validated, and as re-issued.</summary>
internal sealed class PresentedToken(string? raw)
{
    public string? Raw { get; } = raw;

    /// <summary>Set by JwtBearer's <c>OnTokenValidated</c> once signature, lifetime, deny-list and all passed.</summary>
    public JsonWebToken? Validated { get; set; }

    /// <summary>A token this request issued (login, cart change): what <c>X-Token-Bytes</c> reports from then on.</summary>
    public string? Issued { get; set; }

    public int CurrentBytes => (Issued ?? Raw)?.Length ?? 0;

    /// <summary>Reads <c>Authorization: Bearer</c> first, then the token cookie.</summary>
    public static PresentedToken Read(HttpContext context, string cookieName)
    {
        if (context.Features.Get<PresentedToken>() is { } existing)
        {
            return existing;
        }

        string? raw = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            raw = authorization["Bearer ".Length..].Trim();
        }
        else if (context.Request.Cookies.TryGetValue(cookieName, out var cookie) && cookie.Length > 0)
        {
            raw = cookie;
        }

        var token = new PresentedToken(string.IsNullOrEmpty(raw) ? null : raw);
        context.Features.Set(token);
        return token;
    }
}
