using System.Runtime.ExceptionServices;
using ClusterSessions.WebNode.Api;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// JwtBearer's validation for the pool (RFC 8725): only the configured algorithms, the configured key named by
/// <c>kid</c> (no trying of other keys), <c>typ</c>, issuer, audience, lifetime with a small clock skew (and at most
/// <c>Jwt:MaxLifetime</c> from <c>iat</c>), signed tokens only, a size cap. Its events add what the handler does not do: the token cookie, <c>crit</c>, the deny-list, and
/// 401s that say why. With <c>Jwt:TokenCache:Enabled</c> the handler is wrapped in <see cref="CachingTokenHandler"/>;
/// the events run on cache hits too.
/// </summary>
internal sealed class JwtBearerSetup(
    JwtKeys keys,
    IOptions<JwtOptions> options,
    TimeProvider timeProvider,
    IRevocationList revocations,
    ValidatedTokenCache? tokenCache = null) : IConfigureNamedOptions<JwtBearerOptions>
{
    private readonly JwtOptions _options = options.Value;

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        var handler = new JsonWebTokenHandler { MaximumTokenSizeInBytes = _options.MaxTokenBytes };
        options.TokenHandlers.Add(tokenCache is null ? handler : new CachingTokenHandler(handler, tokenCache));
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            ValidTypes = [_options.TokenType],
            ValidAlgorithms = keys.Algorithms,
            IssuerSigningKeys = keys.VerificationKeys,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = new TokenLifetimeValidator(timeProvider, _options.ClockSkew, _options.MaxLifetime).Validate,
            NameClaimType = JwtTokenIssuer.NameClaim,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = MessageReceived,
            OnTokenValidated = TokenValidatedAsync,
            OnChallenge = ChallengeAsync,
        };
    }

    private Task MessageReceived(MessageReceivedContext context)
    {
        var presented = PresentedToken.Read(context.HttpContext, JwtCookies.Token);
        if (presented.Raw is null)
        {
            context.NoResult();
        }
        else if (presented.Raw.Length > _options.MaxTokenBytes)
        {
            context.Fail($"the token is larger than {_options.MaxTokenBytes} bytes");
        }
        else
        {
            context.Token = presented.Raw;
        }

        return Task.CompletedTask;
    }

    private async Task TokenValidatedAsync(TokenValidatedContext context)
    {
        var token = (JsonWebToken)context.SecurityToken;
        // RFC 7515 section 4.1.11: extensions listed in crit must be understood; this node understands none.
        if (token.TryGetHeaderValue<object>("crit", out _))
        {
            context.Fail("the token names critical header extensions (crit) this node does not understand");
            return;
        }

        if (string.IsNullOrEmpty(token.Id) || string.IsNullOrEmpty(token.Subject)
            || !token.TryGetPayloadValue<string>(JwtTokenIssuer.NameClaim, out var name) || string.IsNullOrEmpty(name))
        {
            context.Fail("the token lacks jti, sub or name");
            return;
        }

        try
        {
            if (await revocations.IsRevokedAsync(token.Id, token.Subject, token.IssuedAt, context.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                context.Fail("the token was revoked (logged out)");
                return;
            }
        }
        catch (SessionStoreUnavailableException exception)
        {
            // Carried to the challenge, which rethrows it for the 503 handler: thrown from here, the handler would
            // first log it as an error of its own.
            context.Fail(exception);
            return;
        }

        PresentedToken.Read(context.HttpContext, JwtCookies.Token).Validated = token;
    }

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is SessionStoreUnavailableException unavailable)
        {
            ExceptionDispatchInfo.Throw(unavailable);
        }

        context.HandleResponse();
        var description = context.AuthenticateFailure is { } failure ? TokenRejections.Describe(failure) : null;
        context.Response.Headers.WWWAuthenticate = description is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
        await ApiProblems.Unauthorized(description ?? "no token: log in (cookie) or send Authorization: Bearer <token>")
            .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
