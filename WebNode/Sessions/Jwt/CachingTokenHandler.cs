using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// Wraps the <see cref="JsonWebTokenHandler"/> in <c>JwtBearerOptions.TokenHandlers</c>: a token byte-identical to one
/// that already passed it is answered from <see cref="ValidatedTokenCache"/>, skipping the signature, header and
/// lifetime checks. JwtBearer treats the result like any other, so <c>OnTokenValidated</c> (crit, claims, the
/// deny-list) still runs on every request.
/// </summary>
internal sealed class CachingTokenHandler(JsonWebTokenHandler inner, ValidatedTokenCache cache) : TokenHandler
{
    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet(token, out var cached))
        {
            return new TokenValidationResult
            {
                IsValid = true,
                // Parsed afresh and cloned: nothing mutable is shared between requests.
                SecurityToken = new JsonWebToken(token),
                ClaimsIdentity = cached.Identity.Clone(),
                Issuer = cached.Issuer,
            };
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated && result.ClaimsIdentity is { } identity)
        {
            cache.Add(token, new ValidatedToken(identity.Clone(), result.Issuer, validated.ValidTo));
        }

        return result;
    }
}
