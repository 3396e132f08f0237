using ClusterSessions.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>The token of the current request (a request feature): as presented, and after validation.</summary>
internal sealed class PresentedToken(string? raw, bool fromCookie)
{
    public string? Raw { get; } = raw;

    public bool FromCookie { get; } = fromCookie;

    public JwtClaims? Claims { get; set; }

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
        var fromCookie = false;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            raw = authorization["Bearer ".Length..].Trim();
        }
        else if (context.Request.Cookies.TryGetValue(cookieName, out var cookie) && cookie.Length > 0)
        {
            raw = cookie;
            fromCookie = true;
        }

        var token = new PresentedToken(raw, fromCookie);
        context.Features.Set(token);
        return token;
    }
}
