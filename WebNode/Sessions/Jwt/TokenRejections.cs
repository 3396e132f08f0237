using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// Why a token was refused, in words fit for <c>WWW-Authenticate: Bearer error_description="…"</c> (RFC 6750: no
/// quotes or backslashes) and the 401 body. IdentityModel's own messages carry log ids and type names: never shown.
/// </summary>
internal static class TokenRejections
{
    public static string Describe(Exception failure) => failure switch
    {
        // Most specific first: several of these derive from others.
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key (kid)",
        SecurityTokenInvalidAlgorithmException => "the algorithm is not allowed",
        SecurityTokenInvalidSignatureException => "the signature is missing or invalid",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        TokenLifetimeRefusedException ours => ours.Message,
        SecurityTokenInvalidLifetimeException => "the token's lifetime is invalid",
        SecurityTokenInvalidIssuerException => "wrong issuer (iss)",
        SecurityTokenInvalidAudienceException => "wrong audience (aud)",
        SecurityTokenInvalidTypeException => "wrong token type (typ)",
        // Our own refusals (OnMessageReceived, OnTokenValidated) are already plain words.
        AuthenticationFailureException ours => ours.Message,
        _ => "the token is malformed",
    };
}
