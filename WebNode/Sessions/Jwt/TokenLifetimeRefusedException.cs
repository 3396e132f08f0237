using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// A lifetime <see cref="TokenLifetimeValidator"/> refuses beyond what IdentityModel checks (<c>iat</c> missing or in
/// the future, <c>exp</c> − <c>iat</c> over <c>Jwt:MaxLifetime</c>). Its message is already fit for the 401.
/// </summary>
internal sealed class TokenLifetimeRefusedException(string reason)
    : SecurityTokenInvalidLifetimeException($"the token's lifetime is invalid ({reason})");
