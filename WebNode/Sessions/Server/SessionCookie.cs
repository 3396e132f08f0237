using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>
/// The session cookie carries the session id protected by Data Protection. Where each node has its own key
/// ring (<c>local</c>) another node's cookie does not decrypt: that is the failure the demo shows.
/// </summary>
internal sealed class SessionCookie(IDataProtectionProvider dataProtection, IOptions<SessionStrategyOptions> options)
{
    /// <summary>A protected 43-character id is about 200 characters; anything much longer is not ours.</summary>
    public const int MaxLength = 1024;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("ClusterSessions.SessionCookie.v1");
    private readonly string _name = options.Value.CookieName;

    public (SessionCookieState State, string? SessionId) Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(_name, out var value) || string.IsNullOrEmpty(value))
        {
            return (SessionCookieState.Absent, null);
        }

        if (value.Length > MaxLength)
        {
            return (SessionCookieState.Unreadable, null);
        }

        try
        {
            var id = _protector.Unprotect(value);
            return SessionIds.IsWellFormed(id) ? (SessionCookieState.Valid, id) : (SessionCookieState.Unreadable, null);
        }
        catch (CryptographicException)
        {
            return (SessionCookieState.Unreadable, null);
        }
        catch (FormatException)
        {
            return (SessionCookieState.Unreadable, null);
        }
    }

    public void Write(HttpContext context, string sessionId) =>
        context.Response.Cookies.Append(_name, _protector.Protect(sessionId), PoolCookies.Options(context));

    public void Delete(HttpContext context) => context.Response.Cookies.Delete(_name, PoolCookies.Options(context));
}
