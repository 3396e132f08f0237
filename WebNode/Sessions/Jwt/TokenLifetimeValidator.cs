using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// <c>exp</c> and <c>nbf</c> against the node's <see cref="TimeProvider"/> (IdentityModel's own check reads the system
/// clock), with the configured clock skew. Plugged in as <see cref="TokenValidationParameters.LifetimeValidator"/>.
/// </summary>
internal sealed class TokenLifetimeValidator(TimeProvider timeProvider, TimeSpan clockSkew)
{
    public bool Validate(DateTime? notBefore, DateTime? expires, SecurityToken? token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("the token has no expiry");
        }

        // Written as now - skew (not exp + skew): an exp near DateTime.MaxValue must not overflow.
        if (now - clockSkew > expires.Value)
        {
            throw new SecurityTokenExpiredException("the token has expired") { Expires = expires.Value };
        }

        if (notBefore is { } start && start - clockSkew > now)
        {
            throw new SecurityTokenNotYetValidException("the token is not valid yet") { NotBefore = start };
        }

        return true;
    }
}
