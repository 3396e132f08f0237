using System.Security.Claims;
using System.Text.Encodings.Web;
using ClusterSessions.WebNode.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// Bearer or cookie token → the request's user, so endpoints use the usual <c>RequireAuthorization()</c>.
/// Any defect is a 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750), never a 500.
/// </summary>
internal sealed class JwtAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    JwtTokenServices tokens,
    IRevocationList revocations,
    IOptions<JwtSessionOptions> sessionOptions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Jwt";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedToken.Read(Context, sessionOptions.Value.CookieName);
        if (presented.Raw is null)
        {
            return AuthenticateResult.NoResult();
        }

        var result = tokens.Validator.Validate(presented.Raw);
        if (!result.Succeeded)
        {
            return AuthenticateResult.Fail(result.Message);
        }

        var claims = result.Claims;
        if (await revocations.IsRevokedAsync(claims.TokenId, claims.Subject, claims.IssuedAt, Context.RequestAborted).ConfigureAwait(false))
        {
            return AuthenticateResult.Fail("the token was revoked (logged out)");
        }

        presented.Claims = claims;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, claims.Name), new Claim("sub", claims.Subject), new Claim("jti", claims.TokenId)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        // The validator's messages hold no quotes or backslashes: safe inside the quoted header value.
        Response.Headers.WWWAuthenticate = result.Failure is { } failure
            ? $"Bearer error=\"invalid_token\", error_description=\"{failure.Message}\""
            : "Bearer";
        await ApiProblems.Unauthorized(result.Failure?.Message).ExecuteAsync(Context).ConfigureAwait(false);
    }
}
