using System.Security.Claims;
using System.Text.Encodings.Web;
using ClusterSessions.WebNode.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>Turns the server-side session into the request's user, so endpoints use the usual <c>RequireAuthorization()</c>.</summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ServerSessionStrategy sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var loaded = await sessions.LoadAsync(Context).ConfigureAwait(false);
        if (loaded.Record?.User is { } user)
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }

        return (loaded.CookieState, loaded.Record) switch
        {
            (SessionCookieState.Unreadable, _) => AuthenticateResult.Fail("the session cookie cannot be read on this node"),
            // An anonymous session (visits only) is held; it just is not logged in.
            (SessionCookieState.Valid, null) => AuthenticateResult.Fail("this node's session store does not hold that session"),
            _ => AuthenticateResult.NoResult(),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await ApiProblems.Unauthorized(result.Failure?.Message).ExecuteAsync(Context).ConfigureAwait(false);
    }
}
