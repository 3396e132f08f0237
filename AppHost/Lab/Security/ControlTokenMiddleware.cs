using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace ClusterSessions.AppHost.Lab.Security;

/// <summary>
/// Guards the lab's control API: every <c>/api/**</c> request must come from the lab's own origin (or from no browser
/// page at all) and carry the run's <see cref="ControlToken"/>, as the <c>X-Control-Token</c> header or the lab's
/// cookie; anything else gets 403 and changes nothing. Opening <c>/?t=&lt;token&gt;</c> trades the link's token for that
/// cookie. The page's own files need no token: they show how to get in.
/// </summary>
/// <remarks>
/// The token alone would not stop a page on another port of 127.0.0.1: SameSite ignores ports, so that page is
/// same-site and the browser sends the Strict cookie along. The <c>Origin</c> and <c>Sec-Fetch-Site</c> headers, which
/// a page cannot forge, tell such a request apart; scripts send neither and pass on the header token.
/// </remarks>
internal sealed partial class ControlTokenMiddleware(RequestDelegate next, ControlToken token, ILogger<ControlTokenMiddleware> logger)
{
    /// <summary>The names the lab answers to (AllowedHosts); an origin on any of them and the lab's port is the lab's own.</summary>
    public static readonly IReadOnlyList<string> Hosts = ["127.0.0.1", "localhost", "[::1]"];

    private const string NoToken =
        "this request carries no valid control token: open the lab through the link in the AppHost's READY line or the " +
        "Aspire dashboard (lab=http://127.0.0.1:<port>/?t=<token>); scripts send the token as the X-Control-Token header";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return RefusalOfApiRequest(context) is { } refusal ? RefuseAsync(context, refusal) : next(context);
        }

        if (request.Path == "/" && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Query.TryGetValue(ControlToken.QueryName, out var link))
        {
            return OpenLinkAsync(context, link);
        }

        return next(context);
    }

    /// <summary>Why this API request is refused (the answer's error and detail, and the log's reason), or null when it may go on.</summary>
    private (string Error, string Detail, string Reason)? RefusalOfApiRequest(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.Origin is { Count: > 0 } origin && !IsOwnOrigin(origin.ToString(), context.Connection.LocalPort))
        {
            return ("cross-origin request", $"requests from {origin} may not use the lab's control API", "foreign origin");
        }

        // same-origin (the lab page) and none (typed in the address bar) are the lab's own; the rest are other pages.
        var site = headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase))
        {
            return ("cross-origin request", $"a {site} request may not use the lab's control API", $"Sec-Fetch-Site {site}");
        }

        // The header wins when both are there: a script's token is what it meant to send.
        var presented = headers.TryGetValue(ControlToken.HeaderName, out var header) ? header.ToString() : context.Request.Cookies[ControlToken.CookieName];
        if (presented is null)
        {
            return ("control token required", NoToken, "no control token");
        }

        return token.Matches(presented) ? null : ("control token required", NoToken, "wrong control token");
    }

    private static bool IsOwnOrigin(string origin, int port)
    {
        var suffix = ":" + port.ToString(CultureInfo.InvariantCulture);
        return Hosts.Any(host => string.Equals(origin, "http://" + host + suffix, StringComparison.OrdinalIgnoreCase));
    }

    private Task OpenLinkAsync(HttpContext context, StringValues link)
    {
        if (link.Count != 1 || !token.Matches(link[0]))
        {
            return RefuseAsync(context, (
                "control token required",
                "this link's token is not this run's: open the lab through the link in the AppHost's READY line or the Aspire dashboard",
                "wrong token in the lab link"));
        }

        // Path=/ for the event streams too (EventSource sends no headers); Strict, so no other site's page sends it.
        context.Response.Cookies.Append(ControlToken.CookieName, token.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        // Off the address bar, out of the history and of any Referer: the page is / from now on.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = "/";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Task.CompletedTask;
    }

    private Task RefuseAsync(HttpContext context, (string Error, string Detail, string Reason) refusal)
    {
        var request = context.Request;
        Refused(logger, request.Method, request.Path.Value ?? "/", refusal.Reason, request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : "none");
        return LabProblems.Forbidden(refusal.Error, refusal.Detail).ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Lab refused {Method} {Path}: {Reason} (origin {Origin})")]
    private static partial void Refused(ILogger logger, string method, string path, string reason, string origin);
}
