using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// <c>exp</c>, <c>nbf</c> and <c>iat</c> against the node's <see cref="TimeProvider"/> (IdentityModel's own check reads
/// the system clock), with the configured clock skew. Plugged in as <see cref="TokenValidationParameters.LifetimeValidator"/>.
/// A correctly signed token must also say when it was issued, not in the future, and claim no longer a life
/// (<c>exp</c> − <c>iat</c>) than <c>Jwt:MaxLifetime</c>: a key that leaked once must not mint tokens good for years.
/// </summary>
internal sealed class TokenLifetimeValidator(TimeProvider timeProvider, TimeSpan clockSkew, TimeSpan maxLifetime)
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

        // JsonWebToken.IssuedAt is DateTime.MinValue when the payload has no iat.
        if (token is not JsonWebToken { IssuedAt: var issuedAt } || issuedAt == DateTime.MinValue)
        {
            throw new TokenLifetimeRefusedException("no iat");
        }

        if (issuedAt - clockSkew > now)
        {
            throw new TokenLifetimeRefusedException("iat is in the future");
        }

        if (expires.Value - issuedAt > maxLifetime)
        {
            throw new TokenLifetimeRefusedException($"exp - iat is longer than {maxLifetime:c}");
        }

        return true;
    }
}
