using ClusterSessions.WebNode.Sessions.Redis;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

internal static class JwtSessionServiceCollectionExtensions
{
    /// <summary><c>jwt</c>: signed tokens carry identity and cart (JwtBearer); Redis only for the deny-list (<c>Jwt:Revocation=DenyList</c>).</summary>
    public static WebApplicationBuilder AddJwtSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(JwtOptions.SectionName);
        services.AddOptions<JwtOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();

        var configured = section.Get<JwtOptions>();
        if (configured?.Revocation is not JwtRevocation.None)
        {
            // With /health including Redis: a node that would answer 503 does not report itself healthy.
            builder.AddSharedRedis("Jwt:Revocation=DenyList");
            services.AddSingleton<IRevocationList, RedisRevocationList>();
        }
        else
        {
            services.AddSingleton<IRevocationList, NoRevocationList>();
        }

        if (configured?.TokenCache.Enabled is true)
        {
            // JwtBearerSetup takes it when registered and wraps the token handler in CachingTokenHandler.
            services.AddSingleton<ValidatedTokenCache>();
        }

        services.AddSingleton<JwtKeys>();
        services.AddSingleton<JwtTokenIssuer>();
        services.AddSingleton<VisitCounterCookie>();
        services.AddSingleton<ISessionStrategy, JwtSessionStrategy>();
        services.AddSingleton<IStartupFilter, TokenBytesHeaderStartupFilter>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        return builder;
    }
}
