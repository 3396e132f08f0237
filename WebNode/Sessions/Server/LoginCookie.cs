using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ClusterSessions.WebNode.Api;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>The login cookie of the server-side strategies: cookie authentication with its tickets in the node's store.</summary>
internal static class LoginCookie
{
    public const string Name = "cs_login";
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>
    /// The scheme <see cref="Scheme"/> forwards sign-ins to. The cookie handler renews the ticket under the key the
    /// request's cookie names (dotnet/aspnetcore#22135), so a login that arrived with a valid login cookie, perhaps one
    /// planted by an attacker, would keep that key and the planted copy would carry the new login. The login ends the
    /// old ticket first; this second handler instance then finds no old key and stores the ticket under a new one.
    /// </summary>
    public const string SignInScheme = "Cookies.SignIn";

    public static void Configure(CookieAuthenticationOptions options, TimeSpan idleTimeout)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        // The path defaults to the request's path base: each pool's cookie stays within /{strategy}.
        options.ExpireTimeSpan = idleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => ChallengeAsync(context.HttpContext);
        options.Events.OnRedirectToAccessDenied = context => ChallengeAsync(context.HttpContext);
    }

    /// <summary>An API answers 401 with the reason, never a redirect to a login page.</summary>
    private static async Task ChallengeAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        var detail = !context.Request.Cookies.ContainsKey(Name)
            ? "no login cookie: log in first"
            : result.Failure?.Message switch
            {
                "Unprotect ticket failed" => "this node cannot read the login cookie (another node's key ring made it, or it is not one of ours)",
                "Identity missing in session store" => "this node's store does not hold that login (it expired, was logged out, or lives on another node)",
                "Ticket expired" => "the login expired",
                _ => "not logged in",
            };
        await ApiProblems.Unauthorized(detail).ExecuteAsync(context).ConfigureAwait(false);
    }
}
